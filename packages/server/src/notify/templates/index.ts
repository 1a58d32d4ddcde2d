import { isNotifyEvent, type NotifyEvent } from '../events.js';
import { NotifyError } from '../errors.js';
import { autoSolved, pendingReminder, publicReply, ticketCreated } from './customer.js';
import { assigned, breached, breachWarning, escalated, escalationBreached, escalationWarning } from './staff.js';
import { DEFAULT_LOCALE, type Locale, translator } from '../../i18n/index.js';
import type { RenderedMessage, Template, TemplateData } from './types.js';

export type { DueTime, ExplanationItem, RenderedMessage, TargetLine, Template, TemplateData, TicketSummary } from './types.js';
export { formatDue } from './format.js';

export const TEMPLATES: { [E in NotifyEvent]: Template<E> } = {
  ticket_created: ticketCreated,
  public_reply: publicReply,
  pending_reminder: pendingReminder,
  auto_solved: autoSolved,
  assigned,
  breach_warning: breachWarning,
  breached,
  escalated,
  escalation_warning: escalationWarning,
  escalation_breached: escalationBreached,
};

/** Renders the message for an event in the reader's language: subject, plain text and HTML (every value escaped). */
export function renderTemplate<E extends NotifyEvent>(event: E, data: TemplateData[E], locale: Locale = DEFAULT_LOCALE): RenderedMessage {
  if (!isNotifyEvent(event)) {
    throw new NotifyError('unknown_event', `No template for event ${JSON.stringify(event)}; known events: ${Object.keys(TEMPLATES).join(', ')}.`);
  }
  const template = TEMPLATES[event] as Template<E>;
  return template(data, translator(locale));
}
