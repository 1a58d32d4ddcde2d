/**
 * SLA clocks: every target of a ticket computed from its facts (pack version, plan, priority,
 * channel, creation, intake completion, status history, agent activity) and `now`. Pure: no I/O
 * and no clock reads, so any deadline can be recomputed from history.
 *
 * ```ts
 * const version = registry.pack('twilio').versionAt(ticket.created_at);
 * const targets = computeTargets({ pack: version, plan: 'bootstrap', priority: 'P2', channel: 'web',
 *   created_at, status_history, agent_activity, now });
 * targets[0]; // { metric: 'first_response', kind: 'first_response', state: 'active', due_at, … }
 * nextDeadline(targets); // the sweep column: next warning or due time among running targets
 * explainTarget(input, 'first_response'); // open segments, closures with reasons, pauses
 * ```
 */
export { clockStartOf, computeTargets, nextDeadline } from './clocks.js';
export { explainTarget } from './explain.js';
export { SlaError, type SlaErrorCode } from './errors.js';
export { pauseBreaks, statusAt, STOPPED_STATUSES } from './breaks.js';
export { addBusinessTimeAround, businessTimeAround } from './paused-time.js';
export { METRIC_KINDS, findMetric, isMetricKind, slaRules, type KnownMetric, type SlaRules } from './rules.js';
export type {
  AgentActivity,
  ExplainedClosed,
  MetricKind,
  NoneReason,
  PauseBreak,
  SlaMetric,
  SlaPackVersion,
  SlaSchedule,
  SlaTarget,
  StatusChange,
  TargetExplanation,
  TargetState,
  TargetView,
  TicketClockInput,
} from './types.js';
