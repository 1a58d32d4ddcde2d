import type { Kysely } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { getVisibleTicket } from './access.js';
import { listAttachments } from './attachments.js';
import { customerEvents } from './event-visibility.js';
import { type EventJson, presentEvent } from './present.js';

/** The ticket's audit history, oldest first: all of it for staff, the entries meant for them for customers. */
export async function listEvents(db: Kysely<Database>, actor: Actor, ticketId: string): Promise<EventJson[]> {
  const ticket = await getVisibleTicket(db, actor, ticketId);
  const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticket.id).orderBy('at').orderBy('id').execute();
  const events = rows.map(presentEvent);
  if (isStaff(actor)) return events;
  const attachments = await listAttachments(db, actor, ticket.id);
  return customerEvents(events, { visibleAttachmentIds: new Set(attachments.map((a) => a.id)) });
}
