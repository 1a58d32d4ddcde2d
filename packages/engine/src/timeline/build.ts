/** Lays a day plan on the instants of a range of local dates: weekly hours, exceptions, holidays. */
import { weekdayIndex } from '../civil.js';
import { resolveHolidays } from '../holidays/resolve.js';
import type { Segment } from '../types.js';
import { DAY, MINUTE } from '../units.js';
import type { ZoneRules } from '../zone/rules.js';
import type { DayPlan } from './plan.js';
import { clipRanges, mergeRanges, subtractRanges } from './ranges.js';

export interface BuiltRange {
  segments: Segment[];
  /** Day number → holiday name, for the dates of the range (and one either side). */
  holidays: Map<number, string>;
}

/**
 * The open segments of the local dates `[fromDay, toDay)`, clipped to that range. A holiday or a
 * closed exception closes its whole local date, including hours that flowed in from the day
 * before; an exception with special hours replaces the weekly hours that start on its date (and
 * opens a holiday date with those hours).
 */
export function buildRange(plan: DayPlan, zone: ZoneRules, fromDay: number, toDay: number): BuiltRange {
  const holidays = resolveHolidays(plan.holidays, fromDay - 1, toDay + 1);
  const open: Segment[] = [];
  const closedDays: Segment[] = [];
  for (let day = fromDay - 1; day < toDay + 1; day++) {
    const exception = plan.exceptions.get(day);
    const midnight = day * DAY;
    if (exception?.closed || (holidays.has(day) && !exception)) {
      closedDays.push({ start: zone.fromLocal(midnight), end: zone.fromLocal(midnight + DAY) });
    }
    if (day >= toDay) continue;
    const hours = exception ? exception.hours : plan.weekly[weekdayIndex(day)]!;
    for (const [from, to] of hours) {
      open.push({ start: zone.fromLocal(midnight + from * MINUTE), end: zone.fromLocal(midnight + to * MINUTE) });
    }
  }
  const segments = subtractRanges(mergeRanges(open), mergeRanges(closedDays));
  return {
    segments: clipRanges(segments, zone.fromLocal(fromDay * DAY), zone.fromLocal(toDay * DAY)),
    holidays,
  };
}
