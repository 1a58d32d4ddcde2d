import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { SCHEMA_LOCK, withAdvisoryLock } from './advisory-lock.js';
import { migrations } from './migrations/index.js';

export interface MigrationReport {
  applied: string[];
}

/**
 * Brings the schema up to the latest migration. Safe to run on every start and from any number of
 * processes at once: they take turns under an advisory lock (the migrator's own lock does not cover
 * creating its bookkeeping tables, which two processes on an empty database would otherwise both try).
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const { error, results } = await withAdvisoryLock(db, SCHEMA_LOCK, (session) =>
    new Migrator({ db: session, provider: { getMigrations: async () => migrations } }).migrateToLatest(),
  );
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied };
}
