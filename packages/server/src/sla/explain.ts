import type { Instant, Segment } from '@hourglass/engine';
import { prepareTarget } from './clocks.js';
import { addBusinessTimeAround, breaksBefore, runningPieces } from './paused-time.js';
import { findMetric, slaRules } from './rules.js';
import type { ExplainedClosed, SlaSchedule, TargetExplanation, TicketClockInput } from './types.js';

/**
 * Why a target's due time is what it is: the open segments that add up to its duration, the
 * calendar's closed periods skipped (night, weekend, holiday…) and the pauses of the clock
 * (reason `paused`, named after the status). `null` for a target that carries no guarantee.
 * While the clock is paused the due time is unknown: the explanation then runs up to `now`.
 */
export function explainTarget(input: TicketClockInput, metricId: string): TargetExplanation | null {
  const rules = slaRules(input.pack);
  const metric = findMetric(rules, metricId);
  const prepared = prepareTarget(input, rules, metric);
  if ('none' in prepared) return null;
  const { target, start, met, now } = prepared.run;
  const breaks = met === null ? prepared.run.breaks : breaksBefore(prepared.run.breaks, met);
  const due = addBusinessTimeAround(target.calendar, start, target.duration, breaks);
  const until = due ?? now;

  const open: Segment[] = [];
  const closed: ExplainedClosed[] = [];
  for (const piece of runningPieces(start, until, breaks)) {
    const part = explainPiece(target.calendar, piece);
    open.push(...part.open);
    closed.push(...part.closed);
  }
  for (const pause of breaks) {
    const from = Math.max(pause.start, start);
    const to = Math.min(pause.end, until);
    if (to > from) closed.push({ start: from, end: to, reason: 'paused', name: pause.status });
  }
  closed.sort((a, b) => a.start - b.start);
  return {
    metric: metric.id,
    kind: metric.kind,
    calendar: target.calendarId,
    zone: target.calendar.zone,
    start,
    duration: target.duration,
    due,
    open,
    closed,
  };
}

/**
 * The calendar's explanation of one stretch during which the clock runs. Asking for one
 * millisecond more than the stretch holds makes the engine walk past the stretch's end, so the
 * closed periods up to that end come with their reasons; both lists are then clipped to it.
 */
function explainPiece(
  schedule: SlaSchedule,
  piece: Segment,
): { open: Segment[]; closed: ExplainedClosed[] } {
  const openTime = schedule.businessTimeBetween(piece.start, piece.end);
  const explanation = schedule.explain(piece.start, openTime + 1);
  return {
    open: clip(explanation.open, piece.start, piece.end),
    closed: clip(explanation.closed, piece.start, piece.end),
  };
}

function clip<T extends Segment>(segments: readonly T[], from: Instant, to: Instant): T[] {
  return segments
    .filter((s) => s.end > from && s.start < to)
    .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }));
}
