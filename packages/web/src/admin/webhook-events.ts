/** The events a webhook endpoint can subscribe to (the API's `events` enum), with their meaning. */
export const WEBHOOK_EVENTS: readonly { id: string; label: string }[] = [
  { id: 'ticket_created', label: 'A ticket is opened' },
  { id: 'public_reply', label: 'A public reply is added' },
  { id: 'pending_reminder', label: 'A pending ticket is reminded' },
  { id: 'auto_solved', label: 'A pending ticket is solved for lack of reply' },
  { id: 'assigned', label: 'A ticket is assigned' },
  { id: 'breach_warning', label: 'A target is about to be breached' },
  { id: 'breached', label: 'A target is breached' },
  { id: 'escalated', label: 'A ticket is escalated' },
  { id: 'escalation_warning', label: 'An escalation is about to go unanswered' },
  { id: 'escalation_breached', label: 'An escalation is not answered in time' },
];

/** What an endpoint receives, in words: `every event` or the event ids. */
export function eventsText(events: readonly string[]): string {
  return events.length === 0 ? 'every event' : events.join(', ');
}

/** The delivery outcomes as the log shows them. */
export const OUTCOME_LABELS: Record<string, string> = {
  delivered: 'delivered',
  retry_scheduled: 'retrying',
  dead_letter: 'dead',
};
