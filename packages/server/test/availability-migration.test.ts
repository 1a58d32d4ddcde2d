import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.js';
import type { DatabaseHandle } from '../src/db/open.js';
import { DATABASE_KINDS, openTestDatabase } from './support/databases.js';

/** Migration 012 turns the accounts' email deliverability flag into a package held since the account was created. */
describe.each(DATABASE_KINDS)('migration 012 on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('gives each account flagged for email deliverability the package, from the day it was created', async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('011_status');
    expect(before.error).toBeUndefined();
    const db = handle.db;
    const provider = await sql<{ id: string }>`insert into providers (name, slug) values ('Acme', 'acme') returning id`.execute(db);
    const providerId = provider.rows[0]!.id;
    for (const [name, flag, created] of [
      ['Flagged', true, '2025-06-30T23:30:00-03:00'],
      ['Plain', false, '2025-01-01T00:00:00Z'],
    ] as const) {
      await sql`insert into accounts (provider_id, name, pack_id, plan, pack_version, languages, email_deliverability, created_at, updated_at)
        values (${providerId}, ${name}, 'twilio', 'bootstrap', '2025-04', '["en"]', ${flag}, ${created}, ${created})`.execute(db);
    }
    const after = await migrator.migrateTo('012_availability');
    expect(after.error).toBeUndefined();
    const rows = await sql<{ name: string; package_id: string; starts_on: string; ends_on: string | null }>`
      select a.name, p.package_id, p.starts_on::text as starts_on, p.ends_on::text as ends_on
      from account_packages p join accounts a on a.id = p.account_id`.execute(db);
    // 30 June 23:30 at UTC−3 is 1 July 02:30 UTC: the package starts on the UTC day.
    expect(rows.rows).toEqual([{ name: 'Flagged', package_id: 'email_deliverability', starts_on: '2025-07-01', ends_on: null }]);
    const flags = await sql<{ name: string; email_deliverability: boolean }>`select name, email_deliverability from accounts order by name`.execute(db);
    expect(flags.rows).toEqual([
      { name: 'Flagged', email_deliverability: true },
      { name: 'Plain', email_deliverability: false },
    ]);
    const down = await migrator.migrateTo('011_status');
    expect(down.error).toBeUndefined();
    expect((await migrator.migrateTo('012_availability')).error).toBeUndefined();
  });
});
