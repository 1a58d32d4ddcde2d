/**
 * The compiled calendar: one entry point that hands each question to its own small operation.
 * Built once from a validated spec; safe to share; no clock, no I/O.
 */
import { formatDate, parseDate } from './civil.js';
import { EngineError } from './errors.js';
import { addBusinessDays, addCalendarDays, isBusinessDay, localDay } from './ops/business-days.js';
import { addBusinessTime, businessTimeBetween } from './ops/business-time.js';
import { gapsBetween } from './ops/explain.js';
import { openPeriods } from './ops/open-periods.js';
import { isOpen, nextClose, nextOpen } from './ops/open-state.js';
import { resolveHolidays } from './holidays/resolve.js';
import type { DayPlan } from './timeline/plan.js';
import { Timeline } from './timeline/timeline.js';
import type { CalendarSpec, Duration, Explanation, HolidayDate, Instant, Segment } from './types.js';
import { MAX_INSTANT, MIN_INSTANT, type ZoneRules } from './zone/rules.js';

function checkInstant(t: unknown, what: string): void {
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new EngineError('invalid_argument', `${what} must be an instant in epoch milliseconds (got ${String(t)})`);
  }
}

function formatRange(t: number): string {
  return Number.isFinite(t) && Math.abs(t) < 8.64e15 ? new Date(t).toISOString() : String(t);
}

function checkDuration(d: unknown): void {
  if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
    throw new EngineError('invalid_duration', `a duration must be zero or more milliseconds (got ${String(d)})`);
  }
}

export class Schedule {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
  readonly alwaysOpen: boolean;
  readonly spec: Readonly<CalendarSpec>;
  private readonly tl: Timeline;
  private readonly plan: DayPlan;

  constructor(spec: CalendarSpec, plan: DayPlan, zone: ZoneRules) {
    this.spec = spec;
    this.id = spec.id;
    this.name = spec.name ?? spec.id;
    this.zone = spec.zone;
    this.alwaysOpen = spec.always_open === true;
    this.plan = plan;
    this.tl = new Timeline(plan, zone);
  }

  isOpen(t: Instant): boolean {
    checkInstant(t, 'the instant');
    return this.alwaysOpen || isOpen(this.tl, t);
  }

  /** `t` when open, else the start of the next open period. */
  nextOpen(t: Instant): Instant {
    checkInstant(t, 'the instant');
    return this.alwaysOpen ? t : nextOpen(this.tl, t);
  }

  /** The end of the open period containing `t`, else of the next one; `Infinity` for 24x7. */
  nextClose(t: Instant): Instant {
    checkInstant(t, 'the instant');
    return this.alwaysOpen ? Number.POSITIVE_INFINITY : nextClose(this.tl, t);
  }

  /** The earliest instant at which `d` of open time has elapsed since `t`. */
  addBusinessTime(t: Instant, d: Duration): Instant {
    checkInstant(t, 'the start');
    checkDuration(d);
    if (!this.alwaysOpen) return addBusinessTime(this.tl, t, d);
    const due = t + d;
    if (t < MIN_INSTANT || due >= MAX_INSTANT) {
      throw new EngineError('out_of_range', `instants must lie between the years 1800 and 2500 (the due time would be ${formatRange(due)})`);
    }
    return due;
  }

  /** The open time inside `[a, b)`; negative when `b` is before `a`. */
  businessTimeBetween(a: Instant, b: Instant): Duration {
    checkInstant(a, 'the first instant');
    checkInstant(b, 'the second instant');
    return this.alwaysOpen ? b - a : businessTimeBetween(this.tl, a, b);
  }

  /** Steps `n` business dates forward keeping the local wall time (SPEC.md: Add N business days). */
  addBusinessDays(t: Instant, n: number): Instant {
    checkInstant(t, 'the start');
    if (!Number.isInteger(n) || n < 0) throw new EngineError('invalid_argument', `the number of business days must be a whole number, zero or more (got ${String(n)})`);
    return this.alwaysOpen ? addCalendarDays(this.tl, t, n) : addBusinessDays(this.tl, t, n);
  }

  /** The open periods inside `[from, to)`, clipped to it. */
  openPeriods(from: Instant, to: Instant): Segment[] {
    checkInstant(from, 'the start of the range');
    checkInstant(to, 'the end of the range');
    if (this.alwaysOpen) return to > from ? [{ start: from, end: to }] : [];
    return openPeriods(this.tl, from, to);
  }

  /** The due time `t + d` with the open segments that make it up and the closed periods skipped. */
  explain(t: Instant, d: Duration): Explanation {
    const due = this.addBusinessTime(t, d);
    const open = this.openPeriods(t, due);
    const closed = this.alwaysOpen ? [] : gapsBetween(this.tl, this.plan, t, open);
    return { calendar: this.id, zone: this.zone, start: t, duration: d, due, open, closed };
  }

  /** A local date (`YYYY-MM-DD`) with open time that is not a holiday. */
  isBusinessDate(date: string): boolean {
    const day = parseDate(date);
    if (day === undefined) throw new EngineError('invalid_argument', `"${date}" is not a date (YYYY-MM-DD)`);
    return this.alwaysOpen || isBusinessDay(this.tl, day);
  }

  /** The local date of an instant in the calendar's zone. */
  localDate(t: Instant): string {
    checkInstant(t, 'the instant');
    return formatDate(localDay(this.tl, t));
  }

  /** The holidays observed on the local dates `[fromDate, toDate]`, in order. */
  holidaysBetween(fromDate: string, toDate: string): HolidayDate[] {
    const from = parseDate(fromDate);
    const to = parseDate(toDate);
    if (from === undefined || to === undefined) throw new EngineError('invalid_argument', 'holiday ranges take two dates (YYYY-MM-DD)');
    const found = resolveHolidays(this.plan.holidays, from, to + 1);
    return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([day, name]) => ({ date: formatDate(day), name }));
  }
}
