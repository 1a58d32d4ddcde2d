import type { ClosedPeriod, Duration, Explanation, Instant, Segment } from '@hourglass/engine';

/** The business-time questions the SLA clocks ask of a compiled calendar (an engine `Schedule`). */
export interface SlaSchedule {
  readonly zone: string;
  addBusinessTime(t: Instant, d: Duration): Instant;
  businessTimeBetween(a: Instant, b: Instant): Duration;
  explain(t: Instant, d: Duration): Explanation;
}

/** A target of a plan, as a policy pack version resolves it (`version.resolveTarget`). */
export interface SlaTarget {
  duration: Duration;
  calendarId: string;
  calendar: SlaSchedule;
}

/** What a metric measures; the event that meets it depends on its kind. */
export type MetricKind = 'acknowledgment' | 'first_response' | 'next_update' | 'resolution';

/**
 * A metric of a pack version: a pack-defined id (exotel's `response`) with its kind
 * (`first_response`) and the ticket statuses that pause its clock.
 */
export interface SlaMetric {
  readonly id: string;
  /** One of {@link MetricKind}; checked when the rules are read. */
  readonly kind: string;
  /** Absent: no status pauses it (solved and closed always stop every clock). */
  readonly paused_by?: readonly string[] | undefined;
}

/** The part of a policy pack version (`CompiledPackVersion` of `@hourglass/policy`) the clocks read. */
export interface SlaPackVersion {
  readonly metrics: readonly SlaMetric[];
  readonly clockStart: 'on_create' | 'on_intake_complete';
  readonly channelsWithoutSla: readonly string[];
  /** The fraction of a target at which a breach warning is due; `null`: no warning. */
  readonly breachWarningAt: number | null;
  /** `null`: the plan gives no guarantee for this priority and metric. Throws for unknown ids. */
  resolveTarget(plan: string, priority: string, metric: string): SlaTarget | null;
}

/** A ticket's status from `at` on; the first entry is the status it was created with. */
export interface StatusChange {
  status: string;
  at: Instant;
}

/**
 * What an agent did on a ticket: a public reply, an internal note, or an explicit
 * acknowledgment without a comment.
 */
export interface AgentActivity {
  kind: 'public_reply' | 'internal_note' | 'acknowledge';
  at: Instant;
}

/** Every fact the clocks of one ticket depend on. `now` is passed in; nothing reads a clock. */
export interface TicketClockInput {
  pack: SlaPackVersion;
  plan: string;
  priority: string;
  channel: string;
  created_at: Instant;
  /** When the required intake information became complete (`null`: not yet). */
  intake_completed_at?: Instant | null;
  status_history: readonly StatusChange[];
  agent_activity: readonly AgentActivity[];
  now: Instant;
}

export type TargetState = 'active' | 'paused' | 'met' | 'breached' | 'none';

/** Why a target carries no guarantee. */
export type NoneReason =
  | 'no_target'
  | 'channel_without_sla'
  | 'intake_incomplete'
  | 'awaiting_first_response';

/**
 * One SLA target of a ticket as of `now`.
 *
 * `time_left_ms` and `overdue_ms` are business time in the target's calendar (the unit of the
 * target's duration), pauses excluded; `paused_ms` is the wall-clock time the clock stood still.
 * `due_at` is `null` while the clock is paused (the due time depends on when it resumes).
 */
export interface TargetView {
  /** The pack's metric id (exotel: `acknowledgment`, `response`). */
  metric: string;
  kind: MetricKind;
  state: TargetState;
  none_reason: NoneReason | null;
  calendar_id: string | null;
  duration_ms: Duration | null;
  started_at: Instant | null;
  due_at: Instant | null;
  met_at: Instant | null;
  breached_at: Instant | null;
  warning_at: Instant | null;
  /** The breach warning point has passed and the target is still running. */
  at_risk: boolean;
  time_left_ms: Duration | null;
  overdue_ms: Duration | null;
  paused_ms: Duration;
}

/** A stretch during which a target's clock stands still, with the status that caused it. */
export interface PauseBreak extends Segment {
  status: string;
}

/** A closed period of the explanation: the calendar's, or a pause of the clock. */
export type ExplainedClosed = ClosedPeriod | { start: Instant; end: Instant; reason: 'paused'; name: string };

export interface TargetExplanation {
  metric: string;
  kind: MetricKind;
  calendar: string;
  zone: string;
  start: Instant;
  duration: Duration;
  /** `null` while the clock is paused; the segments then run up to `now`. */
  due: Instant | null;
  open: Segment[];
  closed: ExplainedClosed[];
}
