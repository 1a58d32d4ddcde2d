/**
 * The public status page: a cached snapshot per API process, kept fresh by LISTEN/NOTIFY, served as
 * HTML, Statuspage-compatible JSON and feeds. `installStatusPage` mounts it on the app.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Counter } from 'prom-client';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { partialShareFromPacks } from './partial-share.js';
import { installStatusFastPath } from './fast-path.js';
import { installStatusRoutes } from './routes.js';
import type { StatusSnapshot } from './snapshot.js';
import { StatusCache, type StatusCacheOptions } from './status-cache.js';

export { announceStatusChange } from '../db/status-change.js';
export { StatusCache } from './status-cache.js';

/** What the app exposes of its status page cache (structural, so the compiled and the source typings agree). */
export interface StatusPageHandle {
  /** Reads the snapshot now (or right after the read under way). */
  refresh(): Promise<void>;
  /** A change was announced. */
  changed(): void;
  setBaseUrl(baseUrl: string): void;
  readonly current: { readonly stale: boolean; readonly snapshot: StatusSnapshot } | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The public status page's cache of this process. */
    statusPage: StatusPageHandle;
  }
}

export interface StatusPageOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** The policy packs: their share of partial outage counts in the uptime bars (0.3 without one). */
  registry?: PolicyCatalog | undefined;
  /** The desk's public address (links in the JSON and feeds). */
  publicUrl?: string | undefined;
  /** HOURGLASS_STATUS_PROVIDER: the slug of the provider the page shows; default the first one created. */
  providerSlug?: string | undefined;
  /** Where the last good snapshot is kept, to be served while the database is unreachable. */
  snapshotFile?: string | undefined;
  refreshMs?: number;
  debounceMs?: number;
  retryMs?: number;
  partialShare?: StatusCacheOptions['partialShare'];
}

/** Reads the first snapshot, mounts the public routes, and stops listening when the app closes. */
export async function installStatusPage(app: FastifyInstance, options: StatusPageOptions): Promise<StatusCache> {
  const cache = new StatusCache({
    db: options.db,
    clock: options.clock,
    baseUrl: (options.publicUrl ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, ''),
    providerSlug: options.providerSlug ?? (process.env.HOURGLASS_STATUS_PROVIDER?.trim() || undefined),
    snapshotFile: options.snapshotFile,
    ...(options.refreshMs !== undefined ? { refreshMs: options.refreshMs } : {}),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.retryMs !== undefined ? { retryMs: options.retryMs } : {}),
    ...(options.partialShare
      ? { partialShare: options.partialShare }
      : options.registry
        ? { partialShare: partialShareFromPacks(options.db, options.registry, options.clock) }
        : {}),
    logger: app.log,
  });
  app.decorate('statusPage', cache);
  installStatusRoutes(app, cache);
  const fastAnswers = app.hasDecorator('metricsRegistry')
    ? new Counter({ name: 'hourglass_status_fast_answers_total', help: 'Status documents and feeds answered before the routing (the stampede path).', registers: [app.metricsRegistry] })
    : null;
  installStatusFastPath(app.server, {
    current: () => cache.current,
    observe: (route: string, status: number, seconds: number) => {
      fastAnswers?.inc();
      if (app.hasDecorator('observeRequest')) app.observeRequest('GET', route, status, seconds);
    },
  });
  app.addHook('onClose', async () => cache.close());
  if (options.publicUrl === undefined) {
    // Without HOURGLASS_PUBLIC_URL, links point where this server listens (as notifications do).
    app.addHook('onListen', async () => {
      const address = app.server.address();
      if (address !== null && typeof address === 'object') cache.setBaseUrl(`http://localhost:${address.port}`);
    });
  }
  await cache.start();
  return cache;
}
