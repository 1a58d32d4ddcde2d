/**
 * The links sent to subscribers (confirm, unsubscribe) carry a random token; only its SHA-256 is
 * stored, so a copy of the database cannot confirm or end anybody's subscription. Each message gets
 * a token of its own when it is composed, so no token is ever stored as it was sent.
 */
import type { Kysely, Transaction } from 'kysely';
import { createHmac } from 'node:crypto';
import { newSecret, sha256Hex } from '../auth/secrets.js';
import type { Database } from '../db/schema.js';

export type TokenPurpose = 'confirm' | 'unsubscribe';

/** Tokens are `hgsub_` and 43 URL-safe characters; anything else is not looked up. */
const TOKEN_SHAPE = /^hgsub_[A-Za-z0-9_-]{43}$/;

export const isTokenShaped = (token: unknown): token is string => typeof token === 'string' && TOKEN_SHAPE.test(token);

/** Makes a token for `subscriberId`, stores its hash, and returns it (to put in the link, never stored). */
export async function issueToken(
  db: Kysely<Database> | Transaction<Database>,
  subscriberId: string,
  purpose: TokenPurpose,
  now: number,
  expiresAt: number | null,
): Promise<string> {
  const token = newSecret('hgsub');
  await db
    .insertInto('status_subscription_tokens')
    .values({ token_hash: sha256Hex(token), subscriber_id: subscriberId, purpose, created_at: new Date(now), expires_at: expiresAt === null ? null : new Date(expiresAt) })
    .execute();
  return token;
}

/**
 * The unsubscribe token of one webhook notice, derived from the subscription's signing secret (which
 * is kept to sign anyway), so every attempt sends the same bytes without the token being stored; its
 * hash is stored as any other token's.
 */
export async function webhookNoticeToken(db: Kysely<Database> | Transaction<Database>, subscriber: { id: string; secret: string }, noticeId: string, now: number): Promise<string> {
  const token = `hgsub_${createHmac('sha256', subscriber.secret).update(`unsubscribe:${noticeId}`, 'utf8').digest('base64url')}`;
  await db
    .insertInto('status_subscription_tokens')
    .values({ token_hash: sha256Hex(token), subscriber_id: subscriber.id, purpose: 'unsubscribe', created_at: new Date(now), expires_at: null })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
  return token;
}

/** The subscriber a token of `purpose` stands for, while it has not expired; null for any other token. */
export async function subscriberOfToken(db: Kysely<Database> | Transaction<Database>, token: unknown, purpose: TokenPurpose, now: number): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db
    .selectFrom('status_subscription_tokens')
    .select(['subscriber_id', 'expires_at'])
    .where('token_hash', '=', sha256Hex(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row || (row.expires_at !== null && row.expires_at.getTime() <= now)) return null;
  return row.subscriber_id;
}
