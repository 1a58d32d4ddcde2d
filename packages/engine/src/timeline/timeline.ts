/**
 * A calendar's open periods as sorted integer arrays with a running total of open time, built
 * lazily for a window of local dates and widened (geometrically) when a question needs more.
 *
 * `cum[i]` is the open time before segment `i` (from the window's start), so the open time up to
 * any instant is one binary search away, and so is the instant where a given amount is reached.
 */
import { EngineError } from '../errors.js';
import { DAY } from '../units.js';
import { MAX_INSTANT, MIN_INSTANT, type ZoneRules } from '../zone/rules.js';
import { buildRange } from './build.js';
import type { DayPlan } from './plan.js';

const MIN_DAY = Math.floor(MIN_INSTANT / DAY) + 2;
const MAX_DAY = Math.floor(MAX_INSTANT / DAY) - 2;

function outOfRange(t: number): EngineError {
  const shown = Number.isFinite(t) ? new Date(t).toISOString() : String(t);
  return new EngineError('out_of_range', `instants must lie between the years 1800 and 2500 (got ${shown})`);
}

export class Timeline {
  starts = new Float64Array(0);
  ends = new Float64Array(0);
  cum = new Float64Array(1);
  n = 0;
  /** The window's bounds as instants: the timeline is exact for `lo <= t < hi`. */
  lo = 0;
  hi = 0;
  fromDay = 0;
  toDay = 0;
  holidays = new Map<number, string>();
  /** `buckets[b]` is the first segment ending after `lo + b days`: a jump close to any instant. */
  buckets = new Int32Array(1);
  private readonly plan: DayPlan;
  readonly zone: ZoneRules;

  constructor(plan: DayPlan, zone: ZoneRules) {
    this.plan = plan;
    this.zone = zone;
  }

  /** Makes the window cover `t`. */
  ensure(t: number): void {
    if (t >= this.lo && t < this.hi) return;
    if (!(t >= MIN_INSTANT && t < MAX_INSTANT)) throw outOfRange(t);
    const day = Math.floor(this.zone.toLocal(t) / DAY);
    if (this.lo === this.hi) {
      this.rebuild(day - 2 * 366, day + 3 * 366);
    } else {
      const span = this.toDay - this.fromDay;
      const from = t < this.lo ? Math.min(day - 366, this.fromDay - span) : this.fromDay;
      const to = t >= this.hi ? Math.max(day + 366, this.toDay + span) : this.toDay;
      this.rebuild(from, to);
    }
    if (!(t >= this.lo && t < this.hi)) throw outOfRange(t);
  }

  /** Widens the window forward; false when it already reaches the end of supported time. */
  growForward(): boolean {
    if (this.toDay >= MAX_DAY) return false;
    this.rebuild(this.fromDay, this.toDay + Math.max(366, this.toDay - this.fromDay));
    return true;
  }

  /** Widens the window backward; false when it already reaches the start of supported time. */
  growBackward(): boolean {
    if (this.fromDay <= MIN_DAY) return false;
    this.rebuild(this.fromDay - Math.max(366, this.toDay - this.fromDay), this.toDay);
    return true;
  }

  /** The first segment that ends after `t` (`n` when none does); `t` must be inside the window. */
  locate(t: number): number {
    const ends = this.ends;
    const n = this.n;
    let i = this.buckets[((t - this.lo) / DAY) | 0]!;
    while (i < n && ends[i]! <= t) i++;
    return i;
  }

  /** Open time from the window's start up to `t` (which must be inside the window). */
  openBefore(t: number): number {
    const i = this.locate(t);
    if (i === this.n) return this.cum[i]!;
    const s = this.starts[i]!;
    return this.cum[i]! + (t > s ? t - s : 0);
  }

  get total(): number {
    return this.cum[this.n]!;
  }

  private rebuild(fromDay: number, toDay: number): void {
    fromDay = Math.max(MIN_DAY, fromDay);
    toDay = Math.min(MAX_DAY, toDay);
    const { segments, holidays } = buildRange(this.plan, this.zone, fromDay, toDay);
    const n = segments.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const cum = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const s = segments[i]!;
      starts[i] = s.start;
      ends[i] = s.end;
      cum[i + 1] = cum[i]! + (s.end - s.start);
    }
    this.starts = starts;
    this.ends = ends;
    this.cum = cum;
    this.n = n;
    this.fromDay = fromDay;
    this.toDay = toDay;
    this.lo = this.zone.fromLocal(fromDay * DAY);
    this.hi = this.zone.fromLocal(toDay * DAY);
    this.holidays = holidays;
    const count = Math.ceil((this.hi - this.lo) / DAY) + 1;
    const buckets = new Int32Array(count);
    let i = 0;
    for (let b = 0; b < count; b++) {
      const at = this.lo + b * DAY;
      while (i < n && ends[i]! <= at) i++;
      buckets[b] = i;
    }
    this.buckets = buckets;
  }
}
