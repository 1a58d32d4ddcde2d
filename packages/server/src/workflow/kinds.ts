import { outboxKind } from '../timers/index.js';

/** The timer kinds of the workflow. Breach timers are keyed by the target's metric. */
export const TIMER_KINDS = {
  breachWarning: 'breach_warning',
  breach: 'breach',
  pendingReminder: 'pending_reminder',
  autoSolve: 'auto_solve',
  /** An escalation's response target, keyed by the escalation's id. */
  escalationWarning: 'escalation_warning',
  escalationBreach: 'escalation_breach',
  /** The start of an out-of-office range that began in the future; its subject is the range. */
  outOfOfficeStart: 'out_of_office_start',
  /** One per `notification_events` row, scheduled by the table's trigger. */
  notifyDispatch: 'notify_dispatch',
  email: outboxKind('email'),
  webhook: outboxKind('webhook'),
} as const;

export const PENDING_KINDS = [TIMER_KINDS.pendingReminder, TIMER_KINDS.autoSolve] as const;
export const BREACH_KINDS = [TIMER_KINDS.breachWarning, TIMER_KINDS.breach] as const;
export const ESCALATION_KINDS = [TIMER_KINDS.escalationWarning, TIMER_KINDS.escalationBreach] as const;
