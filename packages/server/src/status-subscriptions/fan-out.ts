/**
 * Queues the notices to the status page's subscribers (email, webhook) about an incident's new
 * update, in the transaction that wrote it; the worker delivers them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export interface StatusNotice {
  providerId: string;
  incidentId: string;
  /** The update that is news; subscribers of any of the incident's components (or of all) hear of it. */
  updateId: string;
}

export async function queueStatusNotices(_db: Kysely<Database> | Transaction<Database>, _notice: StatusNotice): Promise<void> {
  // Filled in by status subscriptions.
}
