import type { Kysely } from 'kysely';
import type { Database, Ticket } from '../db/schema.js';
import type { RoutingWhy } from '../assignment-reasons/why.js';
import { recordWorkflowEvent, type WorkflowEvent } from './events.js';

export interface Assignment {
  ticket: Pick<Ticket, 'id' | 'first_due_at'>;
  /** The new assignee; nothing is sent when the ticket was left unassigned. */
  assigneeId: string | null;
  /** Who made the change (null: the desk itself, e.g. routing on a timer); nobody is told of work they took themselves. */
  actorId: string | null;
  /** Why the ticket went to them, in words (the routing decision's reason, say). */
  reason: string | null;
  /** The routing decision's reason as data, so the email says it in its recipient's language. */
  why?: RoutingWhy | null;
  at: number;
}

/**
 * Records the `assigned` notification when a ticket gets a new assignee, in the transaction that
 * assigned it: an email to the assignee (if their preferences take it) and the webhooks.
 */
export async function recordAssignment(db: Kysely<Database>, assignment: Assignment): Promise<void> {
  const event = assignmentEvent(assignment);
  if (event !== null) await recordWorkflowEvent(db, event);
}

/** The `assigned` event of an assignment, or null when nobody is to be told. */
export function assignmentEvent(assignment: Assignment): WorkflowEvent | null {
  const { ticket, assigneeId, actorId } = assignment;
  if (assigneeId === null || assigneeId === actorId) return null;
  return {
    event: 'assigned',
    ticketId: ticket.id,
    recipients: [{ user_id: assigneeId }],
    payload: {
      assignee_id: assigneeId,
      assigned_by: actorId,
      due_at: ticket.first_due_at?.toISOString() ?? null,
      ...(assignment.reason ? { reason: assignment.reason } : {}),
      ...(assignment.why ? { why: assignment.why } : {}),
    },
    at: assignment.at,
  };
}
