import type { Instant } from '@hourglass/engine';
import {
  addBusinessTimeAround,
  breaksBefore,
  businessTimeAround,
  pausedWithin,
} from './paused-time.js';
import type { KnownMetric } from './rules.js';
import type { NoneReason, PauseBreak, SlaTarget, TargetView } from './types.js';

/** One running target: its clock start, what met it (if anything) and the pauses in its way. */
export interface TargetRun {
  metric: KnownMetric;
  target: SlaTarget;
  start: Instant;
  met: Instant | null;
  breaks: readonly PauseBreak[];
  now: Instant;
  breachWarningAt: number | null;
}

/** A target that carries no guarantee. */
export function noneView(metric: KnownMetric, reason: NoneReason, target: SlaTarget | null = null): TargetView {
  return {
    metric: metric.id,
    kind: metric.kind,
    state: 'none',
    none_reason: reason,
    calendar_id: target?.calendarId ?? null,
    duration_ms: target?.duration ?? null,
    started_at: null,
    due_at: null,
    met_at: null,
    breached_at: null,
    warning_at: null,
    at_risk: false,
    time_left_ms: null,
    overdue_ms: null,
    paused_ms: 0,
  };
}

/**
 * The state of one target as of `now`. The due time is where `duration` of open time outside
 * the pauses has elapsed since the start; a target met at or before it is `met`, one met after
 * it (or still unmet past it) is `breached`.
 */
export function evaluateTarget(run: TargetRun): TargetView {
  const { target, start, met, now } = run;
  const schedule = target.calendar;
  const end = met ?? now;
  // Pauses after the target was met do not move its due time.
  const breaks = met === null ? run.breaks : breaksBefore(run.breaks, met);
  const due = addBusinessTimeAround(schedule, start, target.duration, breaks);
  const warning =
    run.breachWarningAt === null
      ? null
      : addBusinessTimeAround(schedule, start, Math.round(target.duration * run.breachWarningAt), breaks);
  const base = {
    metric: run.metric.id,
    kind: run.metric.kind,
    none_reason: null,
    calendar_id: target.calendarId,
    duration_ms: target.duration,
    started_at: start,
    due_at: due,
    met_at: met,
    warning_at: warning,
    paused_ms: pausedWithin(start, end, breaks),
  };

  if (due !== null && (met === null ? now > due : met > due)) {
    return {
      ...base,
      state: 'breached',
      breached_at: due,
      at_risk: false,
      time_left_ms: null,
      overdue_ms: businessTimeAround(schedule, due, end, breaks),
    };
  }
  if (met !== null) {
    return { ...base, state: 'met', breached_at: null, at_risk: false, time_left_ms: null, overdue_ms: null };
  }
  const elapsed = businessTimeAround(schedule, start, now, breaks);
  return {
    ...base,
    state: due === null ? 'paused' : 'active',
    breached_at: null,
    at_risk: warning !== null && warning <= now,
    time_left_ms: Math.max(0, target.duration - elapsed),
    overdue_ms: null,
  };
}
