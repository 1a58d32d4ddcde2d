/**
 * The events that can reach a person by email or a system by webhook, and who receives them.
 */
export const NOTIFY_EVENTS = [
  'ticket_created',
  'public_reply',
  'pending_reminder',
  'auto_solved',
  'assigned',
  'breach_warning',
  'breached',
  'escalated',
  'escalation_warning',
  'escalation_breached',
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

export const NOTIFY_ROLES = ['customer', 'agent', 'manager', 'admin'] as const;
export type NotifyRole = (typeof NOTIFY_ROLES)[number];

export function isNotifyEvent(value: unknown): value is NotifyEvent {
  return typeof value === 'string' && (NOTIFY_EVENTS as readonly string[]).includes(value);
}

export function isNotifyRole(value: unknown): value is NotifyRole {
  return typeof value === 'string' && (NOTIFY_ROLES as readonly string[]).includes(value);
}
