import type { Kysely } from 'kysely';
import { TIMER_STATES } from '../../timers/schema.js';
import { quoteList, runStatements } from './statements.js';

/**
 * Durable timers: a due-time index swept by workers with `FOR UPDATE SKIP LOCKED`.
 * One row per (subject_id, kind, key), so scheduling the same timer again moves it instead of adding
 * a second one; the same unique index finds a subject's timers to cancel. Only pending rows are in the due-time index; running rows (external effects under a
 * lease) are in the lease index, so a crashed worker's timers are found again once its lease lapses.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table timers (
       id uuid primary key default gen_random_uuid(),
       kind text not null check (length(kind) between 1 and 200),
       subject_type text not null check (length(subject_type) between 1 and 100),
       subject_id text not null check (length(subject_id) between 1 and 200),
       key text not null default '' check (length(key) <= 200),
       due_at timestamptz not null,
       payload jsonb not null default '{}',
       state text not null default 'pending' check (state in (${quoteList(TIMER_STATES)})),
       attempts integer not null default 0 check (attempts >= 0),
       locked_by text,
       locked_until timestamptz,
       lease_token uuid,
       fired_at timestamptz,
       last_error text,
       created_at timestamptz not null,
       updated_at timestamptz not null,
       constraint timers_dedupe unique (subject_id, kind, key)
     )`,
    `create index timers_due_idx on timers (due_at) where state = 'pending'`,
    `create index timers_lease_idx on timers (locked_until) where state = 'running'`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['drop table timers']);
}
