import { WEBHOOK_EVENT_IDS, type WebhookDelivery, type WebhookEvent } from '../api/types.js';

/** What each event means, in words: every event of the contract needs one (the compiler checks). */
const EVENT_LABELS: Record<WebhookEvent, string> = {
  ticket_created: 'A ticket is opened',
  public_reply: 'A public reply is added',
  pending_reminder: 'A pending ticket is reminded',
  auto_solved: 'A pending ticket is solved for lack of reply',
  assigned: 'A ticket is assigned',
  breach_warning: 'A target is about to be breached',
  breached: 'A target is breached',
  escalated: 'A ticket is escalated',
  escalation_warning: 'An escalation is about to go unanswered',
  escalation_breached: 'An escalation is not answered in time',
};

/** The events a webhook endpoint can subscribe to (the API's `WebhookEvent` enum, generated), with their meaning. */
export const WEBHOOK_EVENTS: readonly { id: WebhookEvent; label: string }[] = WEBHOOK_EVENT_IDS.map((id) => ({ id, label: EVENT_LABELS[id] }));

/** What an endpoint receives, in words: `every event` or the event ids. */
export function eventsText(events: readonly string[]): string {
  return events.length === 0 ? 'every event' : events.join(', ');
}

/** The delivery outcomes as the log shows them. */
export const OUTCOME_LABELS: Record<WebhookDelivery['outcome'], string> = {
  delivered: 'delivered',
  retry_scheduled: 'retrying',
  dead_letter: 'dead',
};
