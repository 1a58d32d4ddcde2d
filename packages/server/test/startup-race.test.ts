import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { DEMO_ACCOUNTS, DEMO_STAFF } from '../src/seed/demo-data.js';
import { seedDemoData } from '../src/seed/seed.js';
import { START } from './support/app.js';
import { createTestDatabase } from './support/databases.js';
import { COMPILED_SERVER, killService, type ServiceProcess, spawnService } from './support/spawn-service.js';

// Only PostgreSQL is shared by processes: an embedded database belongs to the one process that opened it.
describe('service processes started together on one empty PostgreSQL database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('all come up, and the schema and the demo data are made once', async () => {
    expect(existsSync(COMPILED_SERVER), 'compile the packages first (npx tsc -b)').toBe(true);
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const starts = Array.from({ length: 4 }, () => spawnService(['--database-url', database.url], 90_000));
    for (const start of starts) cleanups.push(async () => void (await start.then(killService, () => undefined)));
    const outcomes = await Promise.allSettled(starts);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
    expect(failures).toEqual([]);
    const services = outcomes.map((o) => (o as PromiseFulfilledResult<ServiceProcess>).value);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const count = async (query: string) => Number((await client.query<{ n: string }>(query)).rows[0]!.n);
      expect(await count('select count(*) as n from providers')).toBe(1);
      expect(await count("select count(*) as n from users where role <> 'customer'")).toBe(DEMO_STAFF.length);
      expect(await count("select count(*) as n from users where role = 'customer'")).toBe(DEMO_ACCOUNTS.length);
      expect(await count('select count(*) as n from accounts')).toBe(DEMO_ACCOUNTS.length);
      const migrations = await client.query<{ name: string; n: string }>('select name, count(*) as n from kysely_migration group by name');
      expect(migrations.rows.length).toBeGreaterThan(0);
      expect(migrations.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
    // Every one of them answers.
    for (const service of services) expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  }, 180_000);

  it('migrate and seed from several connection pools at once: one seeds, the others find the data there', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const registry = await loadShippedCatalog();
    const handles = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: database.url, maxConnections: 2 })));
    cleanups.push(async () => void (await Promise.all(handles.map((h) => h.close()))));
    const reports = await Promise.all(
      handles.map(async (h) => {
        await migrateToLatest(h.db);
        return seedDemoData(h.db, registry, fixedClock(START), { tickets: false });
      }),
    );
    expect(reports.filter((r) => r.seeded)).toHaveLength(1);
    const providers = await handles[0]!.db.selectFrom('providers').select('id').execute();
    expect(providers).toHaveLength(1);
  }, 120_000);
});
