import type { TimersTable } from '../timers/schema.js';
import type { IncidentTables, RfoTables } from './incident-tables.js';
import type { StatusSubscriptionTables } from './status-subscription-tables.js';
import type { AvailabilityTables } from './availability-tables.js';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Locale } from '../i18n/locales.js';

/** An instant stored as timestamptz (UTC): read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: written as a JSON string (`JSON.stringify`), read as the parsed value. */
export type Json<T> = ColumnType<T, string, string>;

export const ROLES = ['customer', 'agent', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const CHANNELS = ['web', 'api', 'email', 'phone', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];
export const TARGET_STATES = ['active', 'paused', 'met', 'breached', 'none'] as const;
export type TargetState = (typeof TARGET_STATES)[number];
export const PARTNER_TIERS = ['silver', 'gold', 'platinum'] as const;
export type PartnerTier = (typeof PARTNER_TIERS)[number];
export const PRESENCES = ['available', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/** Weekly working hours in the person's own zone: `{ mon: [{ from: '09:00', to: '17:00' }], … }`. */
export type WorkingHours = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', { from: string; to: string }[]>>;

export interface ProvidersTable {
  id: Generated<string>;
  name: string;
  slug: string;
  created_at: CreatedAt;
}

export interface AccountsTable {
  id: Generated<string>;
  provider_id: string;
  name: string;
  pack_id: string;
  plan: string;
  pack_version: string;
  partner_tier: PartnerTier | null;
  languages: Json<string[]>;
  phone_pin: string | null;
  primary_manager_id: string | null;
  secondary_manager_id: string | null;
  growth_manager_id: string | null;
  /** The team whose agents take the account's tickets (language routing); null: the general queue. */
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  email_deliverability: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProjectsTable {
  id: Generated<string>;
  account_id: string;
  name: string;
  production: boolean;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  provider_id: string;
  email: string;
  name: string;
  role: Role;
  account_id: string | null;
  password_hash: string | null;
  zone: string;
  languages: Json<string[]>;
  /** The language of the person's pages and emails; null: not chosen. */
  locale: ColumnType<Locale | null, Locale | null | undefined, Locale | null>;
  working_hours: Json<WorkingHours | null>;
  manager_id: string | null;
  presence: Generated<Presence>;
  out_of_office_until: Timestamp | null;
  /** Where the phone line connects callers routed to this person (E.164). */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<string>;
  provider_id: string;
  name: string;
  description: string | null;
  follow_the_sun: Generated<boolean>;
  /** The team's hunt-group number for the phone line (E.164). */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamMembershipsTable {
  team_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface TicketsTable {
  id: Generated<string>;
  number: Generated<number>;
  account_id: string;
  project_id: string | null;
  requester_id: string;
  assignee_id: string | null;
  team_id: string | null;
  subject: string;
  description: string;
  product: string | null;
  priority: string;
  environment: string | null;
  channel: Channel;
  language: string;
  status: TicketStatus;
  intake: Json<Record<string, unknown>>;
  intake_complete: Generated<boolean>;
  /** When the required intake information became complete (clocks of some packs start then). */
  intake_completed_at: Timestamp | null;
  pack_id: string;
  pack_version: string;
  /** The account's plan when the ticket was opened. */
  plan: string;
  created_at: Timestamp;
  clock_started_at: Timestamp | null;
  updated_at: Timestamp;
  solved_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** The earliest upcoming due or warning instant among the ticket's active targets, for the sweep. */
  next_breach_at: Timestamp | null;
  /** The earliest due time among the ticket's running targets: the queue's order. */
  first_due_at: Timestamp | null;
  search: ColumnType<string, never, never>;
}

export interface TicketCommentsTable {
  id: Generated<string>;
  ticket_id: string;
  author_id: string | null;
  public: boolean;
  body: string;
  channel: Channel;
  created_at: Timestamp;
  search: ColumnType<string, never, never>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  ticket_id: string;
  comment_id: string | null;
  uploaded_by: string | null;
  filename: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
  created_at: Timestamp;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: string;
  actor_id: string | null;
  type: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  reason: string | null;
  at: Timestamp;
}

export interface SlaTargetsTable {
  ticket_id: string;
  metric: string;
  calendar_id: string | null;
  duration_ms: number | null;
  state: TargetState;
  due_at: Timestamp | null;
  warning_at: Timestamp | null;
  met_at: Timestamp | null;
  breached_at: Timestamp | null;
  paused_ms: Generated<number>;
  /** The facts the due time was computed from, so it can be explained and recomputed. */
  inputs: Json<Record<string, unknown>>;
  warned_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface EscalationsTable {
  id: Generated<string>;
  ticket_id: string;
  raised_by: string | null;
  reason: string;
  via_growth_manager: Generated<boolean>;
  note: string | null;
  raised_at: Timestamp;
  due_at: Timestamp | null;
  responded_at: Timestamp | null;
  /** The escalation response target's calendar and duration, so its due time can be explained. */
  calendar_id: ColumnType<string | null, string | null | undefined, string | null>;
  duration_ms: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface OutOfOfficeTable {
  id: Generated<string>;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  note: string | null;
  created_at: Timestamp;
}

/** An event to deliver (email, webhook) to people named by role or id; written in the transaction that caused it. */
export interface NotificationEventsTable {
  id: Generated<number>;
  event: string;
  ticket_id: string | null;
  recipients: Json<NotificationRecipient[]>;
  payload: Json<Record<string, unknown>>;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

export type NotificationRecipient = { role: Role } | { user_id: string };

export interface NotificationPreferencesTable {
  user_id: string;
  preferences: Json<Record<string, boolean>>;
  updated_at: Timestamp;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  provider_id: string;
  url: string;
  description: string | null;
  /** The event types delivered; empty: every event. */
  events: Json<string[]>;
  /** Kept as given: the HMAC needs it. Shown once, when the endpoint is created. */
  secret: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  attempted_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
  outcome: 'delivered' | 'retry_scheduled' | 'dead_letter';
  next_attempt_at: Timestamp | null;
}

export interface MailLogTable {
  id: Generated<number>;
  idempotency_key: string;
  event: string;
  ticket_id: string | null;
  user_id: string | null;
  transport: 'smtp' | 'log';
  message_id: string;
  recipients: Json<string[]>;
  subject: string;
  text_body: string;
  html_body: string | null;
  response: string | null;
  sent_at: Timestamp;
}

export interface InboundMessagesTable {
  message_id: string;
  provider_id: string;
  ticket_id: string | null;
  outcome: string;
  received_at: Timestamp;
}

/** Inbound mail that failed authentication, waiting for staff to accept or discard it. */
export interface MailReviewTable {
  id: Generated<string>;
  provider_id: string;
  message_id: string | null;
  from_address: string;
  from_name: string | null;
  subject: string;
  sender_id: string | null;
  sender_role: Role;
  kind: 'new_ticket' | 'reply';
  reason: string;
  remote_address: string;
  envelope_from: string | null;
  envelope_to: Json<string[]>;
  raw: Uint8Array;
  size: number;
  status: Generated<'pending' | 'accepted' | 'discarded'>;
  received_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  ticket_id: string | null;
  outcome: string | null;
}

/** The fingerprint of a pack version's compiled calendar when its open tickets were last re-targeted. */
export interface CalendarFingerprintsTable {
  pack_id: string;
  pack_version: string;
  calendar_id: string;
  fingerprint: string;
  updated_at: Timestamp;
}

export interface IdempotencyKeysTable {
  id: Generated<string>;
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  response_status: number;
  response_body: Json<unknown>;
  created_at: Timestamp;
}

/** The sign-in and token throttle's counters, one row per scope and hashed key (`auth/throttle.ts`). */
export interface ThrottleCountersTable {
  scope: string;
  key_hash: string;
  failures: number;
  failures_since: Timestamp;
  pending: number;
  pending_since: Timestamp | null;
  blocked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface Database extends IncidentTables, AvailabilityTables, StatusSubscriptionTables, RfoTables {
  providers: ProvidersTable;
  accounts: AccountsTable;
  projects: ProjectsTable;
  users: UsersTable;
  teams: TeamsTable;
  team_memberships: TeamMembershipsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  tickets: TicketsTable;
  ticket_comments: TicketCommentsTable;
  attachments: AttachmentsTable;
  ticket_events: TicketEventsTable;
  sla_targets: SlaTargetsTable;
  escalations: EscalationsTable;
  out_of_office: OutOfOfficeTable;
  notification_events: NotificationEventsTable;
  timers: TimersTable;
  notification_preferences: NotificationPreferencesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  mail_log: MailLogTable;
  inbound_messages: InboundMessagesTable;
  mail_review: MailReviewTable;
  idempotency_keys: IdempotencyKeysTable;
  throttle_counters: ThrottleCountersTable;
  calendar_fingerprints: CalendarFingerprintsTable;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type Project = Selectable<ProjectsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Team = Selectable<TeamsTable>;
/** A ticket as the service reads it: every column but the search vector. */
export type Ticket = Omit<Selectable<TicketsTable>, 'search'>;
export const TICKET_COLUMNS = [
  'id', 'number', 'account_id', 'project_id', 'requester_id', 'assignee_id', 'team_id', 'subject', 'description', 'product',
  'priority', 'environment', 'channel', 'language', 'status', 'intake', 'intake_complete', 'intake_completed_at', 'pack_id',
  'pack_version', 'plan', 'created_at', 'clock_started_at', 'updated_at', 'solved_at', 'closed_at', 'next_breach_at', 'first_due_at',
] as const satisfies readonly (keyof Ticket)[];
export type TicketComment = Selectable<TicketCommentsTable>;
export type TicketEvent = Selectable<TicketEventsTable>;
export type Attachment = Selectable<AttachmentsTable>;
export type SlaTargetRow = Selectable<SlaTargetsTable>;

/** The largest attachment stored, in bytes (10 MiB). The database enforces it too. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
