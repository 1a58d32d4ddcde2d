import type { Kysely } from 'kysely';
import type { Database, NotificationRecipient, Ticket } from '../db/schema.js';
import type { NotifyEvent } from '../notify/index.js';

/**
 * Records an event for delivery (email to the recipients, webhooks to the provider's endpoints) in
 * the caller's transaction. The table's trigger schedules its dispatch, so it is delivered if and only
 * if the caller commits.
 */
export async function recordWorkflowEvent(db: Kysely<Database>, event: WorkflowEvent): Promise<void> {
  await db.insertInto('notification_events').values(workflowEventRow(event)).execute();
}

export interface WorkflowEvent {
  event: NotifyEvent;
  ticketId: string;
  recipients: NotificationRecipient[];
  payload: Record<string, unknown>;
  at: number;
}

/** The `notification_events` row of an event, for callers that write it within a larger statement. */
export function workflowEventRow(event: WorkflowEvent) {
  return {
    event: event.event,
    ticket_id: event.ticketId,
    recipients: JSON.stringify(event.recipients),
    payload: JSON.stringify(event.payload),
    created_at: new Date(event.at),
    delivered_at: null,
  };
}

/** Who hears about a breach warning or breach: the assignee, the assignee's manager, and support management. */
export async function slaAlertRecipients(db: Kysely<Database>, ticket: Pick<Ticket, 'assignee_id'>): Promise<NotificationRecipient[]> {
  const recipients: NotificationRecipient[] = [];
  if (ticket.assignee_id !== null) {
    recipients.push({ user_id: ticket.assignee_id });
    const assignee = await db.selectFrom('users').select('manager_id').where('id', '=', ticket.assignee_id).executeTakeFirst();
    if (assignee?.manager_id) recipients.push({ user_id: assignee.manager_id });
  }
  recipients.push({ role: 'manager' });
  return recipients;
}
