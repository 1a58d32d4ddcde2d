/**
 * A bound on how often one client may ask to subscribe: a counter per key and fixed window in the
 * database, so every API process counts alike. Only hashes of the keys (client address, email
 * address) are stored.
 */
import { sql, type Kysely } from 'kysely';
import { sha256Hex } from '../auth/secrets.js';
import type { Database } from '../db/schema.js';

export interface RequestLimit {
  /** What is counted, e.g. `ip:203.0.113.9`. */
  key: string;
  windowMs: number;
  max: number;
}

/** Counts one request under `limit`; answers how long to wait (ms) when it is over the limit, else 0. */
export async function countRequest(db: Kysely<Database>, limit: RequestLimit, now: number): Promise<number> {
  const windowStart = now - (now % limit.windowMs);
  const row = await sql<{ count: number }>`
    insert into status_subscription_limits (key_hash, window_start, count)
    values (${sha256Hex(`status-subscriptions\u0000${limit.key}`)}, ${new Date(windowStart)}, 1)
    on conflict (key_hash, window_start) do update set count = status_subscription_limits.count + 1
    returning count`.execute(db);
  if (Math.random() < 0.01) await db.deleteFrom('status_subscription_limits').where('window_start', '<', new Date(now - 2 * 24 * 3_600_000)).execute();
  return Number(row.rows[0]?.count ?? 0) > limit.max ? windowStart + limit.windowMs - now : 0;
}
