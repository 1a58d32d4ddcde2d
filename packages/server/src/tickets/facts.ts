import { sql, type Kysely } from 'kysely';
import type { Database, Ticket } from '../db/schema.js';
import type { AgentActivity, StatusChange } from '../sla/index.js';
import { anyOf } from '../db/any-of.js';

/** What happened on a ticket that its SLA clocks depend on: the status history and what agents did. */
export interface ClockFacts {
  statusHistory: StatusChange[];
  agentActivity: AgentActivity[];
}

export const ACKNOWLEDGED_EVENT = 'acknowledged';
/** Audit entries whose `after.status` is the ticket's status from then on. */
export const STATUS_EVENTS = ['created', 'status_changed'] as const;

/** The clock facts of several tickets, read in two queries: the audit trail and the staff's comments. */
export async function loadClockFacts(db: Kysely<Database>, ticketIds: readonly string[]): Promise<Map<string, ClockFacts>> {
  const facts = new Map<string, ClockFacts>(ticketIds.map((id) => [id, { statusHistory: [], agentActivity: [] }]));
  if (ticketIds.length === 0) return facts;
  const ids = [...ticketIds];
  const [events, replies] = await Promise.all([
    db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'type', 'at', sql<string | null>`after ->> 'status'`.as('status')])
      // One array parameter, not one per ticket: a batch of thousands stays one cheap statement to bind and plan.
      .where('ticket_id', '=', anyOf(ids, 'uuid'))
      .where('type', 'in', [...STATUS_EVENTS, ACKNOWLEDGED_EVENT])
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('ticket_comments')
      .innerJoin('users', 'users.id', 'ticket_comments.author_id')
      .select(['ticket_comments.ticket_id', 'ticket_comments.public', 'ticket_comments.created_at'])
      .where('ticket_comments.ticket_id', '=', anyOf(ids, 'uuid'))
      .where('users.role', '<>', 'customer')
      .execute(),
  ]);
  for (const row of events) {
    const ticket = facts.get(row.ticket_id);
    if (row.type === ACKNOWLEDGED_EVENT) ticket?.agentActivity.push({ kind: 'acknowledge', at: row.at.getTime() });
    else if (row.status !== null) ticket?.statusHistory.push({ status: row.status, at: row.at.getTime() });
  }
  for (const row of replies) {
    facts.get(row.ticket_id)?.agentActivity.push({ kind: row.public ? 'public_reply' : 'internal_note', at: row.created_at.getTime() });
  }
  return facts;
}

export async function loadTicketFacts(db: Kysely<Database>, ticket: Ticket): Promise<ClockFacts> {
  return (await loadClockFacts(db, [ticket.id])).get(ticket.id)!;
}
