import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { isStaff } from '../auth/actor.js';
import type { Database, Ticket } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import type { TargetView } from '../sla/index.js';
import { recordWorkflowEvent, type WorkflowEvent } from '../workflow/events.js';
import { newTicketTimerRows } from './ticket-timers.js';

/**
 * What follows the opening of a ticket, written by the statement that creates it: its breach timers,
 * and the confirmation email to the requester with the promised response times.
 */
export function ticketCreatedWrites(ticket: Pick<Ticket, 'id' | 'status' | 'requester_id' | 'channel'>, targets: readonly TargetView[], now: number) {
  return {
    timers: newTicketTimerRows(ticket, targets, now),
    event: { event: 'ticket_created', ticketId: ticket.id, recipients: [{ user_id: ticket.requester_id }], payload: { channel: ticket.channel }, at: now } satisfies WorkflowEvent,
  };
}

/**
 * What follows a public reply, in its transaction: staff's reply goes to the requester; the
 * requester's reply goes to the assignee (who receives it if their preferences say so).
 */
export async function afterPublicReply(
  deps: AppDeps,
  db: Kysely<Database>,
  actor: Actor,
  ticket: Pick<Ticket, 'id' | 'requester_id' | 'assignee_id'>,
  comment: { id: string; body: string },
): Promise<void> {
  const recipient = isStaff(actor) ? ticket.requester_id : ticket.assignee_id;
  if (recipient === null || recipient === actor.userId) return;
  const author = await db.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst();
  await recordWorkflowEvent(db, {
    event: 'public_reply',
    ticketId: ticket.id,
    recipients: [{ user_id: recipient }],
    payload: { comment_id: comment.id, author_id: actor.userId, author_name: author?.name ?? 'Support', body: comment.body },
    at: deps.clock.now(),
  });
}
