import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * Reasons for outage on tickets: who published an incident's RFO (a customer's later request is
 * answered in their name), which tickets it was relayed to (once per ticket), and the tickets whose
 * customer asked for it before it was published (answered on publication).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table incidents add column rfo_published_by uuid references users(id) on delete set null`,
    `create table incident_rfo_relays (
       incident_id uuid not null references incidents(id) on delete cascade,
       ticket_id uuid not null references tickets(id) on delete cascade,
       comment_id uuid references ticket_comments(id) on delete set null,
       relayed_at timestamptz not null,
       primary key (incident_id, ticket_id)
     )`,
    `create index incident_rfo_relays_ticket_idx on incident_rfo_relays (ticket_id)`,
    `create table incident_rfo_requests (
       incident_id uuid not null references incidents(id) on delete cascade,
       ticket_id uuid not null references tickets(id) on delete cascade,
       requested_by uuid references users(id) on delete set null,
       requested_at timestamptz not null,
       answered_at timestamptz,
       primary key (incident_id, ticket_id)
     )`,
    `create index incident_rfo_requests_open_idx on incident_rfo_requests (incident_id) where answered_at is null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table incident_rfo_requests', 'drop table incident_rfo_relays', 'alter table incidents drop column rfo_published_by']);
}
