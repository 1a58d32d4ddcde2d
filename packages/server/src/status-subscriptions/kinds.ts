import { outboxKind } from '../timers/index.js';

/** The timer kinds of status subscriptions: confirmation mails, notices (email and webhook), and forgetting unconfirmed requests. */
export const STATUS_SUBSCRIPTION_TIMER_KINDS = {
  statusConfirmation: outboxKind('status_confirmation'),
  statusNotice: outboxKind('status_notice'),
  statusSubscriptionExpiry: 'status_subscription_expiry',
} as const;

/** The outbox key of a notice: its mail_log idempotency key too. */
export const noticeKey = (noticeId: string): string => `status_notice:${noticeId}`;
