import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, User } from '../db/schema.js';
import type { ActorAccount } from './actor.js';
import { ACCOUNT_OF_USER, splitAccount } from './user-account.js';
import { notFound } from '../errors.js';
import { newSecret, sha256Hex } from './secrets.js';

export interface TokenView {
  id: string;
  name: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

type TokenRow = {
  id: string;
  name: string;
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
};

/** How precisely `last_used_at` follows the token's use. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const TOKEN_COLUMNS = ['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

export function presentToken(row: TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    token_prefix: row.token_prefix,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    expires_at: row.expires_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

/** Creates an API token for `userId`. The secret is returned here once and stored only as a hash. */
export async function createToken(
  db: Kysely<Database>,
  clock: Clock,
  userId: string,
  input: { name: string; expires_at?: string | undefined },
): Promise<{ token: TokenView; secret: string }> {
  const secret = newSecret('hgt');
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name: input.name,
      token_hash: sha256Hex(secret),
      token_prefix: secret.slice(0, 12),
      created_at: new Date(clock.now()),
      expires_at: input.expires_at ?? null,
    })
    .returning(TOKEN_COLUMNS)
    .executeTakeFirstOrThrow();
  return { token: presentToken(row), secret };
}

export async function listTokens(db: Kysely<Database>, userId: string): Promise<TokenView[]> {
  const rows = await db.selectFrom('api_tokens').select(TOKEN_COLUMNS).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map(presentToken);
}

export async function revokeToken(db: Kysely<Database>, clock: Clock, userId: string, tokenId: string): Promise<void> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date(clock.now()) })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('active API token of yours');
}

/** The active user behind a bearer token, or undefined when it is unknown, revoked or expired. */
export async function userOfToken(
  db: Kysely<Database>,
  clock: Clock,
  secret: string,
): Promise<{ user: User; tokenId: string; account: ActorAccount | null } | undefined> {
  const now = new Date(clock.now());
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .leftJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at', ...ACCOUNT_OF_USER])
    .where('api_tokens.token_hash', '=', sha256Hex(secret))
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  // Recorded to the minute: a write on every request would cost more than the request itself.
  if (row.token_last_used_at === null || now.getTime() - row.token_last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
  }
  const { token_id, token_last_used_at, ...rest } = row;
  const { user, account } = splitAccount(rest);
  return { user, tokenId: token_id, account };
}
