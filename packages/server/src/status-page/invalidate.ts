/**
 * Tells every API process that the public status changed, so their cached status page and JSON are
 * built again. Call it inside the transaction that changed components or incidents.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export async function announceStatusChange(_db: Kysely<Database> | Transaction<Database>, _providerId: string): Promise<void> {
  // Filled in by the status page's cache (cross-process invalidation).
}
