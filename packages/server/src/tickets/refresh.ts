import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { TICKET_COLUMNS, type Database, type Ticket, type TicketStatus } from '../db/schema.js';
import { earliest, settleEscalations } from './escalations.js';
import type { AppDeps } from '../http/deps.js';
import type { TargetView } from '../sla/index.js';
import { recordEvent } from './access.js';
import { clockColumns, storeTargets, targetsOf } from './clocks.js';
import { loadTicketFacts } from './facts.js';
import { syncTicketTimers } from './ticket-timers.js';

/**
 * Recomputes a ticket's targets from its facts after a command changed them, and stores them with
 * the ticket's clock columns; its timers (breach warnings, breaches, pending reminder and automatic
 * solve) follow at once. Runs inside the command's transaction.
 */
export async function refreshClocks(deps: AppDeps, db: Kysely<Database>, ticket: Ticket): Promise<{ ticket: Ticket; targets: TargetView[] }> {
  const now = deps.clock.now();
  const facts = await loadTicketFacts(db, ticket);
  const targets = targetsOf(deps.registry, ticket, facts, now);
  await storeTargets(db, ticket.id, targets, now);
  const columns = clockColumns(targets);
  // An escalation still waiting for its response counts in the ticket's time to breach.
  columns.first_due_at = earliest(columns.first_due_at, await settleEscalations(db, ticket.id, now));
  const updated = await db
    .updateTable('tickets')
    .set({ ...columns, updated_at: new Date(now) })
    .where('id', '=', ticket.id)
    .returning(TICKET_COLUMNS)
    .executeTakeFirstOrThrow();
  await syncTicketTimers(deps.registry, db, updated, targets, facts, now);
  return { ticket: updated, targets };
}

/** Moves a ticket to `to` (already checked against the status rules), with its audit entry (the status history). */
export async function changeStatus(
  db: Kysely<Database>,
  actor: Actor | null,
  ticket: Ticket,
  to: TicketStatus,
  now: number,
): Promise<Ticket> {
  const at = new Date(now);
  const updated = await db
    .updateTable('tickets')
    .set({
      status: to,
      updated_at: at,
      solved_at: to === 'solved' ? at : to === 'closed' ? ticket.solved_at : null,
      closed_at: to === 'closed' ? at : null,
    })
    .where('id', '=', ticket.id)
    .returning(TICKET_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordEvent(db, { ticketId: ticket.id, actorId: actor?.userId ?? null, type: 'status_changed', before: { status: ticket.status }, after: { status: to }, at: now });
  return updated;
}
