import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Clock, fixedClock, type FixedClock, offsetClock, startServer } from '@hourglass/server';

const WEB_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const DIST_DIR = join(WEB_DIR, 'dist');

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function isFresh(): boolean {
  const index = join(DIST_DIR, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(newest(join(WEB_DIR, 'src')), statSync(join(WEB_DIR, 'index.html')).mtimeMs);
}

/** Test files run side by side: one builds while the others wait for it. */
const BUILD_LOCK = join(tmpdir(), 'hourglass-web-build.lock');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds packages/web/dist when it is missing or older than a source file, so the browser tests
 * never run against a stale app.
 */
export function ensureBuilt(): void {
  const deadline = Date.now() + 120_000;
  while (!isFresh()) {
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      // Another test file is building; a lock left by a crashed run is cleared after two minutes.
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 120_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`The web app build did not finish within two minutes (lock ${BUILD_LOCK}).`);
      sleep(200);
      continue;
    }
    try {
      if (isFresh()) return;
      const vite = resolve(WEB_DIR, '../../node_modules/vite/bin/vite.js');
      // The production build the desk serves (the test runner's NODE_ENV=test would make React's development build).
      const result = spawnSync(process.execPath, [vite, 'build'], { cwd: WEB_DIR, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.status !== 0) {
        throw new Error(`Building the web app failed (node ${vite} build in ${WEB_DIR}):\n${result.stdout}\n${result.stderr}`);
      }
      return;
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

export interface WebServer {
  /** Where the browser opens the app. */
  url: string;
  clock: FixedClock;
  close(): Promise<void>;
}

/** A server whose clock runs from `now` like HOURGLASS_CLOCK=offset:…, instead of standing still. */
export interface RunningClockServer extends Omit<WebServer, 'clock'> {
  clock: Clock;
}

/**
 * The real Hourglass service, serving the built web app at `/` and the API under `/api/v1`, on an
 * embedded PGlite database in a temporary folder with the demo data and a fixed clock at `now`.
 */
export async function startWebServer(now: number): Promise<WebServer>;
export async function startWebServer(now: number, options: { running: true }): Promise<RunningClockServer>;
export async function startWebServer(now: number, options: { running?: boolean } = {}): Promise<WebServer | RunningClockServer> {
  ensureBuilt();
  // The browser tests always run on the embedded database, quietly.
  delete process.env.DATABASE_URL;
  process.env.LOG_LEVEL ??= 'warn';
  const dataDir = mkdtempSync(join(tmpdir(), 'hourglass-web-'));
  const clock = options.running ? offsetClock(now) : fixedClock(now);
  const service = await startServer({ port: 0, host: '127.0.0.1', dataDir, clock, handleSignals: false, print: () => {} });
  return {
    url: `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`,
    clock,
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
