/** The shapes the web app reads from the Hourglass API (`/api/v1`, see /openapi.json). */

export type Role = 'customer' | 'agent' | 'manager' | 'admin';
export type TicketStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type TargetState = 'active' | 'paused' | 'met' | 'breached' | 'none';

export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  account_id: string | null;
  zone: string;
  languages: string[];
  working_hours: Record<string, { from: string; to: string }[]> | null;
  manager_id: string | null;
  presence: 'available' | 'away' | 'offline';
}

export interface Project {
  id: string;
  account_id: string;
  name: string;
  production: boolean;
}

export interface Account {
  id: string;
  name: string;
  pack_id: string;
  plan: string;
  pack_version: string;
  partner_tier: string | null;
  languages: string[];
  primary_manager_id: string | null;
  secondary_manager_id: string | null;
  growth_manager_id?: string | null;
  /** The support team that takes the account's tickets; left out by older services. */
  team_id?: string | null;
  /** The PIN callers key in on the support line. */
  phone_pin?: string | null;
  email_deliverability?: boolean;
  projects: Project[];
}

export const PARTNER_TIERS = ['silver', 'gold', 'platinum'] as const;
export type PartnerTier = (typeof PARTNER_TIERS)[number];

export interface Target {
  metric: string;
  state: TargetState;
  none_reason: string | null;
  calendar_id: string | null;
  duration: string | null;
  started_at: string | null;
  due_at: string | null;
  met_at: string | null;
  breached_at: string | null;
  warning_at: string | null;
  at_risk: boolean;
  time_left: string | null;
  overdue_by: string | null;
  explain_url: string | null;
}

export interface IntakeIssue {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface Ticket {
  id: string;
  number: number;
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
  channel: string;
  language: string;
  status: TicketStatus;
  intake: Record<string, unknown>;
  intake_complete: boolean;
  pack_id: string;
  pack_version: string;
  plan: string;
  created_at: string;
  updated_at: string;
  solved_at: string | null;
  targets: Target[];
  /** Escalations with their response targets (in ticket reads and the queue). */
  escalations?: Escalation[];
  warnings?: IntakeIssue[];
}

export type EscalationRoute = 'support' | 'growth_manager';

/** `GET /api/v1/tickets/:id/escalations`, and each ticket's `escalations`. */
export interface Escalation {
  id: string;
  ticket_id: string;
  via: EscalationRoute;
  reason: string;
  reason_label: string;
  note: string | null;
  raised_by: string | null;
  raised_at: string;
  /** Its response target: running, answered in time, overdue (or answered late), or no target. */
  state: 'active' | 'met' | 'breached' | 'none';
  calendar_id: string | null;
  duration: string | null;
  due_at: string | null;
  responded_at: string | null;
  time_left_ms: number | null;
  overdue_ms: number | null;
}

/** A policy version's escalation: who may escalate through support, why, and how soon it is answered. */
export interface EscalationPolicy {
  plans: string[];
  reasons: { id: string; label: string }[];
  response_target: { duration: string; calendar: string } | null;
}

export interface PartnerTierInfo {
  id: string;
  name: string;
  growth_manager: boolean;
  growth_manager_requires_ticket: boolean;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Comment {
  id: string;
  author_id: string | null;
  author_role: string | null;
  public: boolean;
  body: string;
  channel: string;
  created_at: string;
}

export interface TicketEvent {
  id: number;
  actor_id: string | null;
  type: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  at: string;
}

export interface Segment {
  start: string;
  end: string;
  local_start: string;
  local_end: string;
}

export interface Explanation {
  metric: string;
  calendar: string;
  zone: string;
  start: string;
  duration: string;
  due: string | null;
  open: (Segment & { duration: string })[];
  closed: (Segment & { reason: string; name: string | null })[];
}

export interface IntakeFieldSpec {
  id: string;
  label: string;
  type: 'text' | 'textarea' | 'sid_list' | 'phone' | 'datetime' | 'select';
  required?: boolean;
  help?: string;
  options?: string[];
  sid_prefixes?: string[];
  examples?: { min: number; max: number };
  recency?: { ok_within: string | number; best_effort_within?: string | number };
}

export interface IntakeFormSpec {
  id: string;
  name: string;
  description?: string;
  fields: IntakeFieldSpec[];
  abridged?: { explanation: string; required: string[]; any_of?: string[][] };
}

export interface IntakeForms {
  pack_id: string;
  pack_version: string;
  clock_start: 'on_create' | 'on_intake_complete';
  forms: IntakeFormSpec[];
  /** The pack's SID format, when the service sends it. */
  sid_format?: { hex_length: number; kinds: Record<string, string> };
}

/** A priority of a policy pack version (`GET /api/v1/policies/:pack`). */
export interface PriorityInfo {
  id: string;
  name: string;
  definition: string;
  examples: string[];
  default: boolean;
  production_only: boolean;
}

export interface CalendarInfo {
  id: string;
  name: string;
  zone: string;
  always_open: boolean;
}

export interface PolicyVersionInfo {
  id: string;
  effective_from: string;
  priorities: PriorityInfo[];
  plans: { id: string; name: string; aliases: string[]; calendar: string; includes: string[] }[];
  metrics: { id: string; kind: string; name: string; paused_by: string[] }[];
  calendars: CalendarInfo[];
  channels_without_sla: string[];
  clock_start: 'on_create' | 'on_intake_complete';
  languages: { id: string; name: string; primary: boolean }[];
  /** Left out by services older than escalation in the policy JSON. */
  escalation?: EscalationPolicy | null;
  partner_tiers?: PartnerTierInfo[];
  /** Every plan × priority × metric with its target. */
  targets?: PlanTarget[];
}

export interface PolicyInfo {
  id: string;
  name: string;
  current_version: string;
  versions: PolicyVersionInfo[];
}

/** `POST /api/v1/policies/validate`. */
export interface PackValidation {
  valid: boolean;
  pack: { id: string; name: string; versions: string[]; plans: string[]; calendars: string[] } | null;
  problems: { file: string; path: string; line: number | null; column: number | null; message: string }[];
}

/** `GET /api/v1/policies/:pack/calendars/:calendar/open-periods`; times in the calendar's zone. */
export interface OpenPeriods {
  pack_id: string;
  pack_version: string;
  calendar: CalendarInfo;
  from: string;
  to: string;
  /** Whether the calendar was open at `from` (the service's now when no `from` was asked). */
  open_at_from: boolean;
  /** Open periods inside [from, to), clipped to it: the one in progress at `from` starts at `from`. */
  open: { start: string; end: string }[];
  holidays: { date: string; name: string }[];
}

export interface Attachment {
  id: string;
  ticket_id: string;
  comment_id: string | null;
  uploaded_by: string | null;
  filename: string;
  content_type: string;
  size: number;
  created_at: string;
  download_url: string;
}

/** One cell of a version's target grid; `duration` null: the plan guarantees nothing there. */
export interface PlanTarget {
  plan: string;
  priority: string;
  metric: string;
  duration: string | null;
  duration_ms: number | null;
  calendar: string | null;
}

/** `GET /api/v1/webhooks`; `secret` only in the answer to creating one. */
export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  /** Empty: every event. */
  events: string[];
  active: boolean;
  created_at: string;
  updated_at: string;
  secret?: string;
}

/** One attempt to deliver an event (`GET /api/v1/webhooks/:id/deliveries`), newest first. */
export interface WebhookDelivery {
  id: number;
  event_id: string;
  event_type: string;
  attempt: number;
  attempted_at: string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
  outcome: 'delivered' | 'retry_scheduled' | 'dead_letter';
  next_attempt_at: string | null;
}

/** `GET /api/v1/users/:id/out-of-office`. */
export interface OutOfOffice {
  id: string;
  user_id: string;
  starts_at: string;
  ends_at: string;
  note: string | null;
  created_at: string;
}

/** `GET /api/v1/teams`. */
export interface Team {
  id: string;
  name: string;
  description: string | null;
  follow_the_sun: boolean;
  member_ids: string[];
}
