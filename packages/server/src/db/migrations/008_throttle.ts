import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * Counters of failed attempts at a guessable secret (a password, a phone PIN) and of token
 * creations, by scope and hashed key (an address, a client IP, a provider). Every API process
 * reads and writes the same rows under a row lock, so the throttle holds across processes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table throttle_counters (
       scope text not null,
       key_hash text not null,
       failures integer not null default 0 check (failures >= 0),
       failures_since timestamptz not null,
       pending integer not null default 0 check (pending >= 0),
       pending_since timestamptz,
       blocked_until timestamptz,
       updated_at timestamptz not null,
       primary key (scope, key_hash)
     )`,
    `create index throttle_counters_updated_idx on throttle_counters (updated_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table throttle_counters']);
}
