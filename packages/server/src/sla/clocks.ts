import type { Instant } from '@hourglass/engine';
import { STOPPED_STATUSES, pauseBreaks } from './breaks.js';
import { milestones } from './milestones.js';
import { slaRules, type KnownMetric, type SlaRules } from './rules.js';
import { evaluateTarget, noneView, type TargetRun } from './target-clock.js';
import type { NoneReason, SlaTarget, TargetView, TicketClockInput } from './types.js';

/**
 * Every SLA target of a ticket as of `input.now`, one per metric of its pack version, in the
 * pack's order. A pure function of the ticket's facts: the same facts always give the same
 * targets, so a reclassified ticket is recomputed from its original clock start.
 */
export function computeTargets(input: TicketClockInput): TargetView[] {
  const rules = slaRules(input.pack);
  return rules.metrics.map((metric) => {
    const prepared = prepareTarget(input, rules, metric);
    return 'none' in prepared ? noneView(metric, prepared.none, prepared.target) : evaluateTarget(prepared.run);
  });
}

/**
 * The facts one target's clock runs on, or why it carries no guarantee. Shared by
 * {@link computeTargets} and the explanation of a target.
 */
export function prepareTarget(
  input: TicketClockInput,
  rules: SlaRules,
  metric: KnownMetric,
): { run: TargetRun } | { none: NoneReason; target: SlaTarget | null } {
  const target = input.pack.resolveTarget(input.plan, input.priority, metric.id);
  if (target === null) return { none: 'no_target', target: null };
  if (rules.channelsWithoutSla.has(input.channel)) return { none: 'channel_without_sla', target };
  const clockStart = clockStartOf(input, rules);
  if (clockStart === null) return { none: 'intake_incomplete', target };
  const { start, met } = milestones(metric.kind, clockStart, input);
  if (start === null) return { none: 'awaiting_first_response', target };
  const pausing = new Set([...(rules.pausingStatuses.get(metric.id) ?? []), ...STOPPED_STATUSES]);
  return {
    run: {
      metric,
      target,
      start,
      met,
      breaks: pauseBreaks(input.status_history, pausing, input.now),
      now: input.now,
      breachWarningAt: rules.breachWarningAt,
    },
  };
}

/**
 * Where a ticket's clocks start: its creation, or, for packs that only accept complete
 * tickets, the instant its required intake information was complete (never before creation).
 */
export function clockStartOf(input: TicketClockInput, rules: SlaRules): Instant | null {
  if (rules.clockStart === 'on_create') return input.created_at;
  const completed = input.intake_completed_at ?? null;
  if (completed === null || completed > input.now) return null;
  return Math.max(completed, input.created_at);
}

/**
 * The next instant at which something must happen to a ticket's clocks: the earliest breach
 * warning not yet reached or due time among the running targets; `null` when none runs. This is
 * the value of the sweep column.
 */
export function nextDeadline(targets: readonly TargetView[]): Instant | null {
  let next: Instant | null = null;
  for (const target of targets) {
    if (target.state !== 'active' || target.due_at === null) continue;
    const candidate =
      target.warning_at !== null && !target.at_risk && target.warning_at < target.due_at
        ? target.warning_at
        : target.due_at;
    if (next === null || candidate < next) next = candidate;
  }
  return next;
}
