/**
 * Each API process keeps the public status of the page's provider in memory and serves every public
 * answer from it. It is read again when any process announces a change (the first change of a quiet
 * spell at once, later ones at most one read every `debounceMs`, so ten updates a second stay cheap),
 * every `refreshMs` as a safety net (and so the uptime bars move at midnight and maintenance windows
 * open on time), and after a lost LISTEN connection is back. While the database cannot be read, the
 * last snapshot keeps being served, marked stale (the page says since when). Each good snapshot is
 * also written to `snapshotFile`, so a process started while the database is unreachable still has
 * something true to show.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { listenForStatusChanges, type StatusListener } from './listen.js';
import { RenderedStatus } from './rendered.js';
import { readSnapshot, SNAPSHOT_VERSION, type StatusSnapshot } from './snapshot.js';

export interface StatusCacheOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** The desk's public address (links in the JSON and feeds), without a trailing slash. */
  baseUrl: string;
  /** The provider the page shows (a slug); default: the first provider created. */
  providerSlug?: string | undefined;
  /** Where the last good snapshot is kept on disk; none: not kept. */
  snapshotFile?: string | undefined;
  /** Safety-net refresh period (default 30 s). */
  refreshMs?: number;
  /** Reads for announced changes begin at least this far apart (default 50 ms); the first of a quiet spell is read at once. */
  debounceMs?: number;
  /** While the database cannot be read, how often to try again (default 5 s). */
  retryMs?: number;
  /** The share of partial outage counted as unavailable in the uptime bars. */
  partialShare?: (providerId: string) => Promise<number> | number;
  logger?: { warn(obj: object, msg: string): void } | undefined;
}

type Provider = { id: string; name: string; slug: string };

/** The snapshot on disk is brought up to date at most this often. */
const KEEP_EVERY_MS = 5_000;

export class StatusCache {
  #rendered: RenderedStatus | null = null;
  #provider: Provider | null = null;
  #listener: StatusListener | null = null;
  #timer: NodeJS.Timeout | null = null;
  #pending: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #queued: Promise<void> | null = null;
  #closed = false;
  #lastWritten = '';
  #lastStart = 0;
  #keptAt = 0;
  #warnedNoProvider = false;
  #toKeep: StatusSnapshot | null = null;
  #keepTimer: NodeJS.Timeout | null = null;
  readonly #options: Required<Pick<StatusCacheOptions, 'refreshMs' | 'debounceMs' | 'retryMs'>> & StatusCacheOptions;

  constructor(options: StatusCacheOptions) {
    this.#options = { refreshMs: 30_000, debounceMs: 50, retryMs: 5_000, ...options };
  }

  /** What to serve now; null only before anything could ever be read. */
  get current(): RenderedStatus | null {
    return this.#rendered;
  }

  /** Reads the first snapshot (or the one kept on disk), starts listening and the periodic refresh. */
  async start(): Promise<void> {
    await this.refresh();
    if (this.#rendered === null) await this.#loadFromDisk();
    this.#listener = listenForStatusChanges(this.#options.db, {
      onChange: (providerId) => {
        if (this.#provider === null || providerId === this.#provider.id) this.changed();
      },
      onReconnect: () => this.changed(),
      onLost: () => this.changed(),
    });
    this.#schedule(this.#options.refreshMs);
  }

  /** Where links point from now on (once the server listens, when no public URL was configured). */
  setBaseUrl(baseUrl: string): void {
    this.#options.baseUrl = baseUrl.replace(/\/+$/, '');
    const last = this.#rendered;
    if (last) this.#rendered = new RenderedStatus(last.snapshot, this.#options.baseUrl, last.stale, last.now);
  }

  /**
   * A change was announced: read again at once if the last read began at least `debounceMs` ago,
   * else when that much time has passed; a burst of changes meanwhile costs one read.
   */
  changed(): void {
    if (this.#closed || this.#pending) return;
    const wait = Math.max(0, this.#lastStart + this.#options.debounceMs - Date.now());
    this.#pending = setTimeout(() => {
      this.#pending = null;
      void this.refresh();
    }, wait);
  }

  /**
   * Reads the snapshot now, or right after the read under way: the promise settles with a read that
   * began after this call. Calls while one waits share it.
   */
  refresh(): Promise<void> {
    if (this.#queued) return this.#queued;
    if (!this.#running) return this.#begin();
    this.#queued = this.#running.then(() => {
      this.#queued = null;
      return this.#begin();
    });
    return this.#queued;
  }

  #begin(): Promise<void> {
    const running = this.#read().finally(() => {
      if (this.#running === running) this.#running = null;
    });
    this.#running = running;
    return running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#pending) clearTimeout(this.#pending);
    await this.#listener?.close();
    await this.#queued?.catch(() => undefined);
    await this.#running?.catch(() => undefined);
    if (this.#keepTimer) clearTimeout(this.#keepTimer);
    // The newest snapshot not yet on disk is written before the process goes.
    await this.#flush();
  }

  #schedule(ms: number): void {
    if (this.#closed) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.refresh().finally(() => this.#schedule(this.#rendered?.stale ? this.#options.retryMs : this.#options.refreshMs)), ms);
    this.#timer.unref();
  }

  async #read(): Promise<void> {
    if (this.#closed) return;
    this.#lastStart = Date.now();
    const now = this.#options.clock.now();
    try {
      this.#provider ??= await this.#findProvider();
      if (this.#provider === null) {
        if (!this.#warnedNoProvider) {
          this.#warnedNoProvider = true;
          const which = this.#options.providerSlug ? `no provider has the slug "${this.#options.providerSlug}" (HOURGLASS_STATUS_PROVIDER)` : 'there is no provider yet';
          this.#options.logger?.warn({}, `the status page has nothing to show: ${which}`);
        }
        return;
      }
      const share = this.#options.partialShare ? await this.#options.partialShare(this.#provider.id) : undefined;
      const snapshot = await readSnapshot(this.#options.db, this.#provider, now, share === undefined ? {} : { partialShare: share });
      this.#rendered = new RenderedStatus(snapshot, this.#options.baseUrl, false, now);
      await this.#keepSoon(snapshot);
    } catch (error) {
      const last = this.#rendered;
      if (last && !last.stale) this.#rendered = new RenderedStatus(last.snapshot, this.#options.baseUrl, true, now);
      this.#options.logger?.warn({ err: error }, 'the status page could not read the database; serving the last known status');
      if (this.#timer && !this.#closed) this.#schedule(this.#options.retryMs);
    }
  }

  async #findProvider(): Promise<Provider | null> {
    let query = this.#options.db.selectFrom('providers').select(['id', 'name', 'slug']);
    query = this.#options.providerSlug ? query.where('slug', '=', this.#options.providerSlug) : query.orderBy('created_at').orderBy('id');
    return (await query.limit(1).executeTakeFirst()) ?? null;
  }

  /**
   * Keeps the snapshot on disk: the first one at once, later ones at most every KEEP_EVERY_MS (the
   * newest of them), so ten reads a second do not write ten files a second.
   */
  async #keepSoon(snapshot: StatusSnapshot): Promise<void> {
    if (!this.#options.snapshotFile) return;
    if (this.#keptAt === 0) {
      this.#keptAt = Date.now();
      return this.#keep(snapshot);
    }
    this.#toKeep = snapshot;
    if (this.#keepTimer) return;
    this.#keepTimer = setTimeout(() => {
      this.#keepTimer = null;
      void this.#flush();
    }, Math.max(0, this.#keptAt + KEEP_EVERY_MS - Date.now()));
    this.#keepTimer.unref();
  }

  async #flush(): Promise<void> {
    const snapshot = this.#toKeep;
    this.#toKeep = null;
    if (!snapshot) return;
    this.#keptAt = Date.now();
    await this.#keep(snapshot);
  }

  async #keep(snapshot: StatusSnapshot): Promise<void> {
    const file = this.#options.snapshotFile;
    if (!file) return;
    const text = JSON.stringify(snapshot);
    // Written when more than the time of reading changed, so a quiet page does not write every refresh.
    const content = text.replace(/"taken_at":"[^"]*"/, '');
    if (content === this.#lastWritten) return;
    this.#lastWritten = content;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch (error) {
      this.#options.logger?.warn({ err: error }, 'the status page could not keep its snapshot on disk');
    }
  }

  async #loadFromDisk(): Promise<void> {
    const file = this.#options.snapshotFile;
    if (!file) return;
    try {
      const snapshot = JSON.parse(await readFile(file, 'utf8')) as StatusSnapshot;
      if (snapshot.version !== SNAPSHOT_VERSION || (this.#options.providerSlug && snapshot.provider.slug !== this.#options.providerSlug)) return;
      this.#rendered = new RenderedStatus(snapshot, this.#options.baseUrl, true, this.#options.clock.now());
    } catch {
      // Nothing kept yet.
    }
  }
}
