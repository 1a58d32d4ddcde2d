import { outboxKind } from '../timers/index.js';

/** The timer kinds of notification delivery: each recorded event's dispatch, and the outbox messages it writes. */
export const DELIVERY_TIMER_KINDS = {
  /** One per `notification_events` row, scheduled by the table's trigger. */
  notifyDispatch: 'notify_dispatch',
  email: outboxKind('email'),
  webhook: outboxKind('webhook'),
} as const;
