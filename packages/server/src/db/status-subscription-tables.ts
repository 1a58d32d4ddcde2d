/**
 * The tables of status subscriptions (migrations 013 and 015): subscribers, the hashes of the links sent to
 * them, the notices owed to them, and the request bound per client. Beside the desk's other tables so
 * that db/ depends on no feature; status-subscriptions/tables.ts re-exports them.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './schema.js';
import type { Locale } from '../i18n/locales.js';
import type { ComponentStatus } from './incident-tables.js';

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

/** Notices are about an incident's update, or (migration 015) about a component's status set by hand. */
export interface StatusNoticesTable {
  id: Generated<string>;
  subscriber_id: string;
  /** With update_id: a notice of an incident's update; null on a component's notice. */
  incident_id: string | null;
  update_id: string | null;
  /** With component_update_id, old_status and new_status: a notice of a component's status set by hand; null on an incident's notice. */
  component_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The change's id, shared by the notices of every subscriber (Statuspage's component_update.id). */
  component_update_id: ColumnType<string | null, string | null | undefined, string | null>;
  old_status: ColumnType<ComponentStatus | null, ComponentStatus | null | undefined, ComponentStatus | null>;
  new_status: ColumnType<ComponentStatus | null, ComponentStatus | null | undefined, ComponentStatus | null>;
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
