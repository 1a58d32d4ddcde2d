import { type Kysely, sql } from 'kysely';

/** Advisory lock keys of the desk (one namespace number, then what is locked). */
const NAMESPACE = 0x4867; // "Hg"

/** Schema changes and the first seeding: one process at a time, whatever the number starting together. */
export const SCHEMA_LOCK = 1;

/** Re-targeting open tickets after a calendar changed: one process does it, the others then find nothing to do. */
export const CALENDAR_LOCK = 2;

/**
 * Runs `use` while this process holds the database-wide advisory lock `key`, on one connection kept
 * for it (the lock belongs to that session and ends with it, so a process that dies mid-way frees it).
 * Other processes asking for the same lock wait until it is released. Inside a transaction the lock is
 * taken for the rest of that transaction instead.
 */
export async function withAdvisoryLock<DB, T>(db: Kysely<DB>, key: number, use: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await sql`select pg_advisory_xact_lock(${NAMESPACE}::int, ${key}::int)`.execute(db);
    return use(db);
  }
  return db.connection().execute(async (session) => {
    await sql`select pg_advisory_lock(${NAMESPACE}::int, ${key}::int)`.execute(session);
    try {
      return await use(session);
    } finally {
      await sql`select pg_advisory_unlock(${NAMESPACE}::int, ${key}::int)`.execute(session);
    }
  });
}

/** Lock namespaces of {@link lockNamesForTransaction}. */
export const ROUTING_NAMESPACE = 0x4872; // "Hr"

/**
 * Takes the advisory locks of these names (hashed to numbers; a shared hash only makes two names wait
 * for each other) in the caller's transaction; they are held until it commits or rolls back. Names are
 * locked in one fixed order, so two transactions locking overlapping sets cannot deadlock.
 */
export async function lockNamesForTransaction<DB>(trx: Kysely<DB>, namespace: number, names: readonly string[]): Promise<void> {
  if (!trx.isTransaction) throw new Error('transaction-scoped advisory locks need a transaction');
  const keys = [...new Set(names.map(hashName))].sort((a, b) => a - b);
  for (const key of keys) await sql`select pg_advisory_xact_lock(${namespace}::int, ${key}::int)`.execute(trx);
}

/** A name as a signed 32-bit number (FNV-1a). */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}
