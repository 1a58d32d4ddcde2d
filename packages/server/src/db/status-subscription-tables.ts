/**
 * The tables of status subscriptions (migration 013): subscribers, the hashes of the links sent to
 * them, the notices owed to them, and the request bound per client. Beside the desk's other tables so
 * that db/ depends on no feature; status-subscriptions/tables.ts re-exports them.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './schema.js';
import type { Locale } from '../i18n/locales.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Touched = ColumnType<Date, Date | string | undefined, Date | string>;

export type SubscriberKind = 'email' | 'webhook';

export interface StatusSubscribersTable {
  id: Generated<string>;
  provider_id: string;
  kind: SubscriberKind;
  email: string | null;
  url: string | null;
  /** The webhook's signing secret, kept as given (the HMAC needs it); shown once, when subscribing. */
  secret: string | null;
  /** The components heard of; null: all of them. */
  component_ids: Json<string[] | null> | null;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  /** Subscribed from the portal by this user (their account's address, no confirmation needed). */
  user_id: string | null;
  confirmed_at: Timestamp | null;
  /** An unconfirmed subscription is forgotten after this. */
  confirm_by: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Touched;
  unsubscribed_at: Timestamp | null;
}

export interface StatusSubscriptionTokensTable {
  /** SHA-256 of the token (hex); the token itself is only ever in the link sent. */
  token_hash: string;
  subscriber_id: string;
  purpose: 'confirm' | 'unsubscribe';
  created_at: Timestamp;
  expires_at: Timestamp | null;
}

export interface StatusNoticesTable {
  id: Generated<string>;
  subscriber_id: string;
  incident_id: string;
  update_id: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  delivered_at: Timestamp | null;
  /** Given up on (a webhook's attempts used up, or its receiver refused for good). */
  dead_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  /** A webhook's body, fixed at its first attempt so every attempt sends the same bytes. */
  webhook_body: string | null;
}

export interface StatusSubscriptionLimitsTable {
  key_hash: string;
  window_start: Timestamp;
  count: number;
}

export interface StatusSubscriptionTables {
  status_subscribers: StatusSubscribersTable;
  status_subscription_tokens: StatusSubscriptionTokensTable;
  status_notices: StatusNoticesTable;
  status_subscription_limits: StatusSubscriptionLimitsTable;
}

export type StatusSubscriber = Selectable<StatusSubscribersTable>;
export type StatusNotice = Selectable<StatusNoticesTable>;
