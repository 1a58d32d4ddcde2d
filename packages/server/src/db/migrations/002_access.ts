import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/** Sign-in sessions, API tokens (stored as SHA-256 hashes) and idempotency records. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table sessions (
       id uuid primary key default gen_random_uuid(),
       user_id uuid not null references users(id) on delete cascade,
       token_hash text not null unique,
       created_at timestamptz not null default now(),
       expires_at timestamptz not null
     )`,
    `create index sessions_user_idx on sessions (user_id)`,
    `create table api_tokens (
       id uuid primary key default gen_random_uuid(),
       user_id uuid not null references users(id) on delete cascade,
       name text not null,
       token_hash text not null unique,
       token_prefix text not null,
       created_at timestamptz not null default now(),
       last_used_at timestamptz,
       expires_at timestamptz,
       revoked_at timestamptz
     )`,
    `create index api_tokens_user_idx on api_tokens (user_id)`,
    `create table idempotency_keys (
       id uuid primary key default gen_random_uuid(),
       principal text not null,
       key text not null,
       method text not null,
       path text not null,
       request_hash text not null,
       response_status integer not null,
       response_body jsonb not null,
       created_at timestamptz not null,
       unique (principal, key)
     )`,
    `create index idempotency_keys_created_idx on idempotency_keys (created_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table idempotency_keys', 'drop table api_tokens', 'drop table sessions']);
}
