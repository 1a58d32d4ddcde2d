/**
 * Which provider the public status pages speak for: the one named by HOURGLASS_STATUS_PROVIDER (its
 * slug), else the first provider created.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const STATUS_PROVIDER_SETTING = 'HOURGLASS_STATUS_PROVIDER';

export interface StatusProvider {
  id: string;
  name: string;
}

export async function statusProvider(db: Kysely<Database>, slug: string | undefined = process.env[STATUS_PROVIDER_SETTING]?.trim() || undefined): Promise<StatusProvider | null> {
  let query = db.selectFrom('providers').select(['id', 'name']);
  query = slug ? query.where('slug', '=', slug) : query.orderBy('created_at').orderBy('id');
  return (await query.limit(1).executeTakeFirst()) ?? null;
}
