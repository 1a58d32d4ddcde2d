/** Why a due time is what it is: the open segments counted and the closed periods skipped. */
import { weekdayIndex } from '../civil.js';
import type { DayPlan } from '../timeline/plan.js';
import type { Timeline } from '../timeline/timeline.js';
import type { ClosedPeriod, ClosedReason, Segment } from '../types.js';
import { dayStart, localDay } from './business-days.js';

function reasonFor(tl: Timeline, plan: DayPlan, day: number): { reason: ClosedReason; name?: string } {
  const exception = plan.exceptions.get(day);
  if (exception) return { reason: 'exception', name: exception.reason ?? (exception.closed ? 'closed' : 'special hours') };
  const holiday = tl.holidays.get(day);
  if (holiday !== undefined) return { reason: 'holiday', name: holiday };
  const wd = weekdayIndex(day);
  if (plan.weekly[wd]!.length === 0) return { reason: wd >= 5 ? 'weekend' : 'closed_day' };
  return { reason: 'night' };
}

/** Splits the closed range `[a, b)` at local midnights, labels each piece and merges alike neighbours. */
export function closedPeriods(tl: Timeline, plan: DayPlan, a: number, b: number, out: ClosedPeriod[] = []): ClosedPeriod[] {
  let cursor = a;
  let day = localDay(tl, a);
  while (cursor < b) {
    const end = Math.min(b, dayStart(tl, day + 1));
    if (end > cursor) {
      const { reason, name } = reasonFor(tl, plan, day);
      const last = out[out.length - 1];
      if (last && last.end === cursor && last.reason === reason && last.name === name) last.end = end;
      else out.push(name === undefined ? { start: cursor, end, reason } : { start: cursor, end, reason, name });
      cursor = end;
    }
    day++;
  }
  return out;
}

/** The closed periods between the open segments of `[start, due]`. */
export function gapsBetween(tl: Timeline, plan: DayPlan, start: number, open: readonly Segment[]): ClosedPeriod[] {
  const out: ClosedPeriod[] = [];
  let cursor = start;
  for (const seg of open) {
    if (seg.start > cursor) closedPeriods(tl, plan, cursor, seg.start, out);
    cursor = seg.end;
  }
  return out;
}
