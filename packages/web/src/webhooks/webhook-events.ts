/**
 * The webhook events and delivery outcomes in words. The events themselves are the API's
 * `WebhookEvent` enum, generated from the service's contract (`schemaEnums` in api/schema.gen.ts):
 * an event the service adds appears here after `npm run openapi`, and the compiler asks for its words.
 */
import type { IntlShape } from 'react-intl';
import { activeIntl } from '../i18n/active.js';
import { WEBHOOK_EVENT_IDS, type WebhookDelivery, type WebhookEvent } from '../api/types.js';

/** The events an endpoint can subscribe to, in the contract's order. */
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = WEBHOOK_EVENT_IDS;

/** What each event means: every event of the contract needs a message. */
const EVENT_MESSAGES = {
  ticket_created: 'webhooks.event.ticketCreated',
  public_reply: 'webhooks.event.publicReply',
  pending_reminder: 'webhooks.event.pendingReminder',
  auto_solved: 'webhooks.event.autoSolved',
  assigned: 'webhooks.event.assigned',
  breach_warning: 'webhooks.event.breachWarning',
  breached: 'webhooks.event.breached',
  escalated: 'webhooks.event.escalated',
  escalation_warning: 'webhooks.event.escalationWarning',
  escalation_breached: 'webhooks.event.escalationBreached',
} as const satisfies Record<WebhookEvent, string>;

/** `A ticket is opened` for `ticket_created`, in the language shown. */
export function eventLabel(event: WebhookEvent, intl: IntlShape = activeIntl()): string {
  return intl.formatMessage({ id: EVENT_MESSAGES[event] });
}

/** What an endpoint receives: `every event`, or the event ids (codes, as the payloads name them). */
export function eventsText(events: readonly string[], intl: IntlShape = activeIntl()): string {
  return events.length === 0 ? intl.formatMessage({ id: 'webhooks.event.every' }) : events.join(', ');
}

/** A delivery's outcome as the log shows it: `delivered`, `retrying`, `dead`. */
export function outcomeLabel(outcome: WebhookDelivery['outcome'], intl: IntlShape = activeIntl()): string {
  return intl.formatMessage({ id: 'webhooks.deliveries.outcome' }, { outcome });
}

