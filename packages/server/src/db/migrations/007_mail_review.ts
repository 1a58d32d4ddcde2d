import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * Suspended mail: inbound mail from a known sender that did not pass SPF/DKIM/DMARC waits here, with
 * the reason and the raw message (bounded by the listener's size limit), until staff accept it (then it
 * is applied as it would have been) or discard it. One row per Message-ID and provider, so a message
 * delivered twice waits once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table mail_review (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id) on delete cascade,
       message_id text,
       from_address text not null,
       from_name text,
       subject text not null,
       sender_id uuid references users(id) on delete set null,
       sender_role text not null,
       kind text not null check (kind in ('new_ticket', 'reply')),
       reason text not null,
       remote_address text not null,
       envelope_from text,
       envelope_to jsonb not null,
       raw bytea not null,
       size integer not null check (size >= 0),
       status text not null default 'pending' check (status in ('pending', 'accepted', 'discarded')),
       received_at timestamptz not null,
       decided_at timestamptz,
       decided_by uuid references users(id) on delete set null,
       ticket_id uuid references tickets(id) on delete set null,
       outcome text
     )`,
    `create index mail_review_list_idx on mail_review (provider_id, received_at desc, id desc)`,
    `create unique index mail_review_message_once on mail_review (provider_id, message_id) where message_id is not null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table mail_review']);
}
