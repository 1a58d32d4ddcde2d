import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/build-app.js';
import { fixedClock } from '../src/clock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../src/db/open.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { seedDemoData } from '../src/seed/seed.js';
import { announceStatusChange, StatusCache } from '../src/status-page/index.js';
import { START } from './support/app.js';
import { createTestDatabase } from './support/databases.js';
import { type PgProxy, startPgProxy } from './support/pg-proxy.js';
import { addUpdate, insertStatusFixtures, type StatusFixtures } from './status-page-fixtures.js';

/**
 * Several API processes on one PostgreSQL database, each with its own pool and its own LISTEN
 * connection (separate app instances stand for separate processes): a change committed through one is
 * on every one's page within a second; one that loses the database keeps answering with the last state
 * it read and says so.
 */
describe('the status page across API processes on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let proxy: PgProxy;
  let dir: string;
  const handles: DatabaseHandle[] = [];
  const apps: FastifyInstance[] = [];
  let f: StatusFixtures;
  const clock = fixedClock(START);

  const open = async (url: string, snapshotFile?: string) => {
    const handle = await openDatabase({ databaseUrl: url, maxConnections: 3 });
    handles.push(handle);
    const app = await buildApp({ db: handle.db, clock, registry: await loadShippedCatalog(), webApp: false, statusPage: { snapshotFile, refreshMs: 60_000, retryMs: 200 } });
    apps.push(app);
    return { handle, app };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'hourglass-status-'));
    const setup = await openDatabase({ databaseUrl: database.url, maxConnections: 2 });
    await migrateToLatest(setup.db);
    await seedDemoData(setup.db, await loadShippedCatalog(), clock, { tickets: false });
    f = await insertStatusFixtures(setup.db, START);
    await setup.close();
    proxy = await startPgProxy(database.url);
  });
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const handle of handles) await handle.close().catch(() => undefined);
    await proxy?.close();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const summaryOf = async (app: FastifyInstance) => (await app.inject({ method: 'GET', url: '/api/v2/summary.json' })).json();
  const updateIds = (summary: { incidents: { incident_updates: { id: string }[] }[] }) => summary.incidents.flatMap((i) => i.incident_updates.map((u) => u.id));

  it('shows an update committed through one process on every process within a second', async () => {
    const a = await open(database.url);
    const b = await open(database.url);
    expect(updateIds(await summaryOf(b.app))).toContain(f.activeUpdateId);
    // Let both LISTEN connections come up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let round = 0; round < 3; round++) {
      const id = await addUpdate(a.handle.db, announceStatusChange, f.providerId, f.incidents.active, `Update ${round} across processes.`, START + round);
      const committed = Date.now();
      const seenAfter = await Promise.all(
        [a.app, b.app].map(async (app) => {
          while (Date.now() - committed < 1000) {
            if (updateIds(await summaryOf(app)).includes(id)) return Date.now() - committed;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return Infinity;
        }),
      );
      expect(Math.max(...seenAfter)).toBeLessThan(1000);
    }
    // A rolled-back change is never shown: the notice goes out only on commit.
    await a.handle.db
      .transaction()
      .execute(async (tx) => {
        await tx.updateTable('incidents').set({ name: 'Never shown' }).where('id', '=', f.incidents.active).execute();
        await announceStatusChange(tx, f.providerId);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(JSON.stringify(await summaryOf(b.app))).not.toContain('Never shown');
  });

  it('keeps answering with the last state while the database is unreachable, says since when, and keeps it on disk', async () => {
    const file = path.join(dir, 'status-snapshot.json');
    const c = await open(proxy.url, file);
    const before = await summaryOf(c.app);
    expect(before.status.indicator).toBe('major');
    const kept = JSON.parse(await readFile(file, 'utf8'));
    expect(kept.provider.id).toBe(f.providerId);

    await proxy.close();
    await c.app.statusPage.refresh();
    const page = await c.app.inject({ method: 'GET', url: '/status' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The status service cannot reach its database right now');
    expect(page.body).toContain('Messages are delayed');
    const summary = await c.app.inject({ method: 'GET', url: '/api/v2/summary.json' });
    expect(summary.statusCode).toBe(200);
    expect(summary.headers['x-status-stale-since']).toBe(before.page.updated_at);
    expect(summary.json().page.updated_at).toBe(before.page.updated_at);
    expect(summary.json().incidents.map((i: { id: string }) => i.id)).toEqual(before.incidents.map((i: { id: string }) => i.id));
    const incident = await c.app.inject({ method: 'GET', url: `/status/incidents/${f.incidents.active}?locale=de` });
    expect(incident.statusCode).toBe(200);
    expect(incident.body).toContain('Der Statusdienst erreicht seine Datenbank gerade nicht');

    // A process started while the database cannot be reached serves what was kept on disk.
    const cache = new StatusCache({ db: c.handle.db, clock, baseUrl: 'http://status.example', snapshotFile: file, refreshMs: 60_000, retryMs: 60_000 });
    try {
      await cache.start();
      expect(cache.current?.stale).toBe(true);
      expect(cache.current?.snapshot.incidents.map((i) => i.id)).toContain(f.incidents.active);
    } finally {
      await cache.close();
    }
  });
});
