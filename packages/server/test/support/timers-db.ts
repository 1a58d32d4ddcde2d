import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { DatabaseHandle } from '../../src/db/open.js';
import { openTestDatabase, type TestDatabaseKind } from './databases.js';

/**
 * A fresh database with the service's schema (the timers table included) and an `effects` table whose primary
 * key makes a second effect of one timer fail.
 */
export async function openTimersDatabase(kind: TestDatabaseKind): Promise<DatabaseHandle> {
  const handle = await openTestDatabase(kind);
  await migrateToLatest(handle.db);
  await sql`create table effects (timer_id uuid primary key, worker text not null, kind text not null)`.execute(handle.db);
  return handle;
}

export async function countRows(handle: DatabaseHandle, query: string): Promise<number> {
  const result = await sql.raw<{ n: number }>(`select count(*)::int as n from ${query}`).execute(handle.db);
  return Number(result.rows[0]!.n);
}
