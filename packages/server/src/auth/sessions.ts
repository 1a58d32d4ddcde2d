import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, User } from '../db/schema.js';
import type { ActorAccount } from './actor.js';
import { ACCOUNT_OF_USER, splitAccount } from './user-account.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './passwords.js';
import { newSecret, sha256Hex } from './secrets.js';

export const SESSION_COOKIE = 'hourglass_session';
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewSession {
  secret: string;
  expiresAt: Date;
  user: User;
}

/** Checks an email and password and opens a session. Wrong email and wrong password fail alike. */
export async function signIn(db: Kysely<Database>, clock: Clock, email: string, password: string): Promise<NewSession> {
  const user = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !passwordOk || !user.active) throw new AppError('invalid_credentials');
  const secret = newSecret('hgs');
  const expiresAt = new Date(clock.now() + SESSION_LIFETIME_MS);
  await db
    .insertInto('sessions')
    .values({ user_id: user.id, token_hash: sha256Hex(secret), created_at: new Date(clock.now()), expires_at: expiresAt })
    .execute();
  return { secret, expiresAt, user };
}

export async function signOut(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256Hex(secret)).execute();
}

/** The active user behind a session secret, or undefined when it is unknown or expired. */
export async function userOfSession(
  db: Kysely<Database>,
  clock: Clock,
  secret: string,
): Promise<{ user: User; account: ActorAccount | null } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('accounts', 'accounts.id', 'users.account_id')
    .selectAll('users')
    .select(ACCOUNT_OF_USER)
    .where('sessions.token_hash', '=', sha256Hex(secret))
    .where('sessions.expires_at', '>', new Date(clock.now()))
    .where('users.active', '=', true)
    .executeTakeFirst();
  return row && splitAccount(row);
}
