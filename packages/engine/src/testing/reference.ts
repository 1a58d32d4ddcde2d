/**
 * A brute-force reference of SPEC.md's time semantics, for tests only. It shares no code with the
 * engine: wall times come from `Intl.DateTimeFormat` (./wall-clock.ts), holidays from their plain
 * definitions (./holidays.ts), and every operation steps minute by minute.
 *
 * The model, one local date D at a time:
 * - the hours that start on D are the exception's hours when D has an exception, else the weekly
 *   hours of D's weekday; an interval `from`–`to` runs from the instant of D `from` to the instant
 *   of D `to` (or of D+1 `to` when `to` is not after `from`; `24:00` is D+1 00:00); wall times
 *   are placed by SPEC.md's DST rule (skipped: forward by the gap; repeated: the earlier);
 * - D is closed all day (every instant whose wall date is D, including hours that flow in from
 *   D-1) when it has a `closed: true` exception, or when it is a holiday without an exception;
 * - an instant is open when it lies in an interval of some date and in no closed date.
 * Interval ends are whole minutes (zone offsets are whole minutes), so whether an instant is open
 * is decided for each UTC minute.
 */
import type { CalendarSpec, Duration, ExceptionSpec, Instant, Segment, WallIntervalSpec } from '../types.js';
import { addDays, dateOfLocal, dateToLocal, weekdayOf, wallToMinutes } from './dates.js';
import { ReferenceHolidays } from './holidays.js';
import { instantOfLocal, localOf } from './wall-clock.js';

const MIN = 60_000;
const DAY = 86_400_000;
/** The longest scan the reference makes before it gives up: two years of minutes. */
const MAX_MINUTES = 2 * 366 * 1440;
const MAX_DATES = 3660;

/** The reference looked as far as it was allowed to and found nothing. */
export class BeyondHorizon extends Error {}

export type ReferenceReason = 'night' | 'weekend' | 'closed_day' | 'holiday' | 'exception';

interface DateModel {
  date: string;
  /** Open intervals that start on this date, as instants `[start, end)`. */
  intervals: [number, number][];
  /** The instants whose wall date is this date. */
  start: number;
  end: number;
  closedAllDay: boolean;
  holidayNames: string[];
  exception: ExceptionSpec | undefined;
}

export class ReferenceCalendar {
  readonly zone: string;
  private readonly holidays: ReferenceHolidays;
  private readonly exceptions = new Map<string, ExceptionSpec>();
  private readonly models = new Map<number, DateModel>();
  private readonly businessDates = new Map<string, boolean>();

  constructor(private readonly spec: CalendarSpec) {
    this.zone = spec.zone;
    this.holidays = new ReferenceHolidays(spec.holidays ?? []);
    for (const ex of spec.exceptions ?? []) this.exceptions.set(ex.date, ex);
  }

  /** Whether the UTC minute starting at `m` (a multiple of 60 000) is open. */
  private openMinute(m: number): boolean {
    if (this.spec.always_open) return true;
    if (m % MIN !== 0) throw new Error(`not a minute boundary: ${m}`);
    // Offsets stay within ±14h, so the dates that can reach minute m are a few either side of its UTC date.
    const utcDay = Math.floor(m / DAY);
    let inInterval = false;
    for (let day = utcDay - 3; day <= utcDay + 2; day++) {
      const model = this.model(day);
      if (model.closedAllDay && model.start <= m && m < model.end) return false;
      if (!inInterval) inInterval = model.intervals.some(([s, e]) => s <= m && m < e);
    }
    return inInterval;
  }

  private model(day: number): DateModel {
    let model = this.models.get(day);
    if (model) return model;
    const date = dateOfLocal(day * DAY);
    const exception = this.exceptions.get(date);
    const holidayNames = this.holidays.namesOn(date);
    const hours: WallIntervalSpec[] = exception ? (exception.closed ? [] : exception.hours ?? []) : this.spec.weekly?.[weekdayOf(date)] ?? [];
    const midnight = dateToLocal(date);
    const intervals = hours.map((iv): [number, number] => {
      const from = wallToMinutes(iv.from);
      const to = wallToMinutes(iv.to);
      const endLocal = to > from ? midnight + to * MIN : midnight + DAY + to * MIN;
      return [this.instant(midnight + from * MIN), this.instant(endLocal)];
    });
    model = {
      date,
      intervals,
      start: this.instant(midnight),
      end: this.instant(midnight + DAY),
      closedAllDay: exception ? exception.closed === true : holidayNames.length > 0,
      holidayNames,
      exception,
    };
    this.models.set(day, model);
    return model;
  }

  private instant(local: number): number {
    const t = instantOfLocal(local, this.zone);
    if (t % MIN !== 0) throw new Error(`a wall time fell off a minute boundary: ${t}`);
    return t;
  }

  /** The local date (`YYYY-MM-DD`) of an instant. */
  localDate(t: Instant): string {
    return dateOfLocal(localOf(t, this.zone));
  }

  isOpen(t: Instant): boolean {
    return this.openMinute(Math.floor(t / MIN) * MIN);
  }

  /** `t` when open, else the start of the next open minute; gives up after `horizon` minutes. */
  nextOpen(t: Instant, horizon = MAX_MINUTES): Instant {
    if (this.isOpen(t)) return t;
    let m = Math.floor(t / MIN) * MIN + MIN;
    for (let k = 0; k < horizon; k++, m += MIN) if (this.openMinute(m)) return m;
    throw new BeyondHorizon(`no opening within ${horizon} minutes`);
  }

  /** The end of the open period containing `t`, else of the next one; gives up after `horizon` minutes. */
  nextClose(t: Instant, horizon = MAX_MINUTES): Instant {
    if (this.spec.always_open) return Number.POSITIVE_INFINITY;
    const open = this.nextOpen(t, horizon);
    let m = Math.floor(open / MIN) * MIN + MIN;
    for (let k = 0; k < horizon; k++, m += MIN) if (!this.openMinute(m)) return m;
    throw new BeyondHorizon(`no closing within ${horizon} minutes`);
  }

  /** The earliest instant at which `d` of open time has elapsed since `t`. */
  addBusinessTime(t: Instant, d: Duration): Instant {
    if (d < 0) throw new Error('reference: negative duration');
    if (d === 0) return t;
    let cursor = t;
    let remaining = d;
    for (let k = 0; k < MAX_MINUTES; k++) {
      const minuteEnd = Math.floor(cursor / MIN) * MIN + MIN;
      if (this.openMinute(minuteEnd - MIN)) {
        const available = minuteEnd - cursor;
        if (remaining <= available) return cursor + remaining;
        remaining -= available;
      }
      cursor = minuteEnd;
    }
    throw new Error('reference: duration not reached within two years');
  }

  /** Open time inside `[a, b)`; negative when `b` is before `a`. */
  businessTimeBetween(a: Instant, b: Instant): Duration {
    // `0 - x` rather than `-x`: an empty range is 0, never -0.
    if (b < a) return 0 - this.businessTimeBetween(b, a);
    let total = 0;
    for (let m = Math.floor(a / MIN) * MIN; m < b; m += MIN) {
      if (this.openMinute(m)) total += Math.min(b, m + MIN) - Math.max(a, m);
    }
    return total;
  }

  /** The open periods inside `[from, to)`, clipped, in order, neighbours merged. */
  openPeriods(from: Instant, to: Instant): Segment[] {
    const out: Segment[] = [];
    for (let m = Math.floor(from / MIN) * MIN; m < to; m += MIN) {
      if (!this.openMinute(m)) continue;
      const start = Math.max(from, m);
      const end = Math.min(to, m + MIN);
      if (end <= start) continue;
      const last = out[out.length - 1];
      if (last && last.end === start) last.end = end;
      else out.push({ start, end });
    }
    return out;
  }

  /** A local date with open time (SPEC.md: a date with open hours that is not a holiday). */
  isBusinessDate(date: string): boolean {
    let known = this.businessDates.get(date);
    if (known !== undefined) return known;
    const model = this.model(Math.round(dateToLocal(date) / DAY));
    known = false;
    for (let m = model.start; m < model.end; m += MIN) {
      if (this.openMinute(m)) {
        known = true;
        break;
      }
    }
    this.businessDates.set(date, known);
    return known;
  }

  private nextBusinessDate(date: string): string {
    let d = date;
    for (let k = 0; k < MAX_DATES; k++) {
      d = addDays(d, 1);
      if (this.isBusinessDate(d)) return d;
    }
    throw new Error('reference: no business date within ten years');
  }

  /**
   * SPEC.md: off a business date, first move to the opening of the next one; then step `n`
   * business dates forward keeping the wall time (placed by the DST rule). With `n` = 0 on a
   * business date nothing moves and `t` itself is the answer.
   */
  addBusinessDays(t: Instant, n: number): Instant {
    let date = this.localDate(t);
    let wall: number;
    if (this.isBusinessDate(date)) {
      if (n === 0) return t;
      wall = localOf(t, this.zone) - dateToLocal(date);
    } else {
      date = this.nextBusinessDate(date);
      const opening = this.nextOpen(this.model(Math.round(dateToLocal(date) / DAY)).start);
      if (n === 0) return opening;
      wall = localOf(opening, this.zone) - dateToLocal(date);
    }
    for (let k = 0; k < n; k++) date = this.nextBusinessDate(date);
    return instantOfLocal(dateToLocal(date) + wall, this.zone);
  }

  /** The names of the holidays on a date (empty when none). */
  holidayNames(date: string): string[] {
    return this.holidays.namesOn(date);
  }

  /** Why a date's closed time is closed, as the engine's explanation labels it. */
  closedReason(date: string): { reason: ReferenceReason; name?: string } {
    const exception = this.exceptions.get(date);
    // An exception without a reason is named for what it does.
    if (exception) return { reason: 'exception', name: exception.reason ?? (exception.closed ? 'closed' : 'special hours') };
    const names = this.holidays.namesOn(date);
    if (names.length > 0) return { reason: 'holiday', name: names.join(' / ') };
    const weekday = weekdayOf(date);
    if ((this.spec.weekly?.[weekday] ?? []).length === 0) return { reason: weekday === 'sat' || weekday === 'sun' ? 'weekend' : 'closed_day' };
    return { reason: 'night' };
  }
}
