/**
 * Tells every API process that the public status changed, so their cached status page and JSON are
 * built again. Call it inside the transaction that changed components or incidents: PostgreSQL
 * delivers the notice (`pg_notify('hourglass_status', providerId)`) to every listening process when,
 * and only if, that transaction commits. The embedded database has one process: its caches hear of the
 * change in process, and read after the transaction ends (the embedded database lends its one
 * connection to one holder at a time). A shared layer, so the features that change the status and the
 * status page that shows it depend on it and not on each other.
 */
import { EventEmitter } from 'node:events';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export const STATUS_CHANNEL = 'hourglass_status';

/** In-process notices, for caches that do not LISTEN (the embedded database). */
export const localStatusChanges = new EventEmitter();
localStatusChanges.setMaxListeners(0);

export async function announceStatusChange(db: Kysely<Database> | Transaction<Database>, providerId: string): Promise<void> {
  await sql`select pg_notify(${STATUS_CHANNEL}, ${providerId})`.execute(db);
  localStatusChanges.emit('change', providerId);
}
