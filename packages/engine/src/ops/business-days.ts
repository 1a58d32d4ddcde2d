/**
 * Business dates: local dates with open time that are not holidays. Adding N of them keeps the
 * local wall time; a start off a business date first moves to the opening of the next one.
 */
import { EngineError } from '../errors.js';
import type { Timeline } from '../timeline/timeline.js';
import { DAY } from '../units.js';
import { nextOpen } from './open-state.js';

/** Ten years of closed dates in a row means the calendar has no more business dates. */
const MAX_SEARCH_DAYS = 3660;

export function dayStart(tl: Timeline, day: number): number {
  return tl.zone.fromLocal(day * DAY);
}

export function localDay(tl: Timeline, t: number): number {
  return Math.floor(tl.zone.toLocal(t) / DAY);
}

export function isBusinessDay(tl: Timeline, day: number): boolean {
  const a = dayStart(tl, day);
  const b = dayStart(tl, day + 1);
  tl.ensure(a);
  tl.ensure(b);
  return tl.openBefore(b) - tl.openBefore(a) > 0;
}

function nextBusinessDay(tl: Timeline, day: number): number {
  for (let k = 1; k <= MAX_SEARCH_DAYS; k++) {
    if (isBusinessDay(tl, day + k)) return day + k;
  }
  throw new EngineError('out_of_range', 'the calendar has no business date within ten years');
}

export function addBusinessDays(tl: Timeline, t: number, n: number): number {
  tl.ensure(t);
  const local = tl.zone.toLocal(t);
  let day = Math.floor(local / DAY);
  let wall = local - day * DAY;
  if (!isBusinessDay(tl, day)) {
    day = nextBusinessDay(tl, day);
    wall = tl.zone.toLocal(nextOpen(tl, dayStart(tl, day))) - day * DAY;
  } else if (n === 0) {
    // Nothing to step: `t` itself, even in a repeated hour (re-reading its wall time would give the earlier instant).
    return t;
  }
  for (let k = 0; k < n; k++) day = nextBusinessDay(tl, day);
  return tl.zone.fromLocal(day * DAY + wall);
}

/** On a 24x7 calendar every local date is a business date: step calendar days keeping the wall time. */
export function addCalendarDays(tl: Timeline, t: number, n: number): number {
  return n === 0 ? t : tl.zone.fromLocal(tl.zone.toLocal(t) + n * DAY);
}
