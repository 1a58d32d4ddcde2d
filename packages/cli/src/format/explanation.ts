/** Why a due time is what it is, as lines people read: the open time counted and the closed time skipped. */
import { formatDuration, formatInstant, type ClosedPeriod, type Schedule, type Segment } from '@hourglass/engine';
import { describeRange } from './local-time.js';

export interface DueExplanation {
  open: Segment[];
  closed: ClosedPeriod[];
}

/**
 * The open periods and the closed periods between `start` and `due`, with reasons. Works for any
 * due time, including one found by stepping business days, which may keep a wall time outside
 * opening hours: the closed time up to `due` is read from the explanation of one millisecond
 * more open time than lies between the two, then clipped at `due`.
 */
export function explainBetween(calendar: Schedule, start: number, due: number): DueExplanation {
  const open = calendar.openPeriods(start, due);
  if (calendar.alwaysOpen || due <= start) return { open, closed: [] };
  const counted = open.reduce((sum, s) => sum + (s.end - s.start), 0);
  const closed: ClosedPeriod[] = [];
  for (const period of calendar.explain(start, counted + 1).closed) {
    if (period.start >= due) break;
    closed.push(period.end > due ? { ...period, end: due } : period);
  }
  return { open, closed };
}

function reasonText(period: ClosedPeriod): string {
  const reason = period.reason.replace('_', ' ');
  return period.name ? `${reason}: ${period.name}` : reason;
}

/** The explanation as indented lines in the calendar's zone. */
export function explanationLines(explanation: DueExplanation, zone: string): string[] {
  const openTotal = explanation.open.reduce((sum, s) => sum + (s.end - s.start), 0);
  const lines = [`Open time counted (${formatDuration(openTotal)}):`];
  if (explanation.open.length === 0) lines.push('  (none)');
  for (const s of explanation.open) lines.push(`  ${describeRange(s.start, s.end, zone)}   ${formatDuration(s.end - s.start)}`);
  lines.push('Closed time skipped:');
  if (explanation.closed.length === 0) lines.push('  (none)');
  for (const c of explanation.closed) lines.push(`  ${describeRange(c.start, c.end, zone)}   ${reasonText(c)}`);
  return lines;
}

/** The explanation as JSON-ready data with instants in the calendar's zone. */
export function explanationJson(explanation: DueExplanation, zone: string): Record<string, unknown> {
  return {
    open: explanation.open.map((s) => ({ start: formatInstant(s.start, zone), end: formatInstant(s.end, zone), duration_ms: s.end - s.start })),
    closed: explanation.closed.map((c) => ({
      start: formatInstant(c.start, zone),
      end: formatInstant(c.end, zone),
      reason: c.reason,
      ...(c.name === undefined ? {} : { name: c.name }),
    })),
  };
}
