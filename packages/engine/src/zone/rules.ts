/**
 * The one place where time-zone rules and DST live. A `ZoneRules` holds the zone's offset
 * transitions as sorted integer arrays (read once from `temporal-polyfill`, lazily, a window of
 * years at a time) and answers offset and wall-time questions with a binary search.
 *
 * "Local" values are wall-clock milliseconds: the instant the wall time would be if the zone were
 * UTC (`local = instant + offset`).
 */
import { Temporal } from 'temporal-polyfill';
import { EngineError } from '../errors.js';
import { DAY } from '../units.js';

const WINDOW_YEARS = 16;
const YEAR_MS = 365.2425 * DAY;
/** The earliest and latest instants the engine answers for (years 1800 to 2500). */
export const MIN_INSTANT = Date.UTC(1800, 0, 1);
export const MAX_INSTANT = Date.UTC(2500, 0, 1);

export class ZoneRules {
  readonly zone: string;
  /** Instants at which the offset changes, ascending. */
  private at: number[] = [];
  /** `offsets[i]` is in force from `at[i - 1]` (or the dawn of time) until `at[i]`. */
  private offsets: number[] = [];
  private lo = 0;
  private hi = 0;
  private fixed: boolean;

  constructor(zone: string) {
    this.zone = zone;
    const probe = Temporal.Instant.fromEpochMilliseconds(Date.UTC(2000, 0, 1)).toZonedDateTimeISO(zone);
    this.fixed = zone === 'UTC' || zone === 'Etc/UTC';
    this.offsets = [probe.offsetNanoseconds / 1e6];
    this.lo = this.hi = Date.UTC(2000, 0, 1);
    if (!this.fixed) this.cover(Date.UTC(2000, 0, 1));
  }

  /** The zone's UTC offset in milliseconds at `t`. */
  offsetAt(t: number): number {
    if (this.fixed) return this.offsets[0]!;
    if (t < this.lo || t >= this.hi) this.cover(t);
    const at = this.at;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return this.offsets[lo]!;
  }

  toLocal(t: number): number {
    return t + this.offsetAt(t);
  }

  /**
   * The instant of a wall time, disambiguated as Temporal's `compatible`: a wall time skipped by
   * a forward transition moves forward by the gap; a repeated one takes the earlier instant.
   */
  fromLocal(local: number): number {
    const before = this.offsetAt(local - DAY);
    const after = this.offsetAt(local + DAY);
    const early = local - before;
    if (before === after) return early;
    const late = local - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    // A gap: reading the wall time with the offset in force before it lands after the gap.
    return early;
  }

  /** Extend the known transitions to a window of years around `t`. */
  private cover(t: number): void {
    if (t < MIN_INSTANT || t >= MAX_INSTANT) {
      throw new EngineError('out_of_range', `instants must lie between the years 1800 and 2500 (got ${new Date(t).toISOString()})`);
    }
    const windowMs = WINDOW_YEARS * YEAR_MS;
    if (this.at.length === 0 && this.lo === this.hi) {
      const start = t - windowMs / 2;
      this.lo = this.hi = Math.max(MIN_INSTANT, start);
      this.offsets = [this.offsetFromTemporal(this.lo)];
    }
    while (t < this.lo) this.extendBackward(Math.max(MIN_INSTANT, this.lo - windowMs));
    while (t >= this.hi) this.extendForward(Math.min(MAX_INSTANT, this.hi + windowMs));
  }

  private extendForward(to: number): void {
    let zdt = Temporal.Instant.fromEpochMilliseconds(this.hi).toZonedDateTimeISO(this.zone);
    for (;;) {
      const next = zdt.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds > to) break;
      const offset = next.offsetNanoseconds / 1e6;
      if (offset !== this.offsets[this.offsets.length - 1]) {
        this.at.push(next.epochMilliseconds);
        this.offsets.push(offset);
      }
      zdt = next;
    }
    this.hi = to;
  }

  private extendBackward(from: number): void {
    const at: number[] = [];
    const offsets: number[] = [this.offsetFromTemporal(from)];
    let zdt = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(this.zone);
    for (;;) {
      const next = zdt.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds > this.lo) break;
      const offset = next.offsetNanoseconds / 1e6;
      if (offset !== offsets[offsets.length - 1]) {
        at.push(next.epochMilliseconds);
        offsets.push(offset);
      }
      zdt = next;
    }
    // The old first offset is in force from this.lo; it equals the last offset found here.
    this.at = at.concat(this.at);
    this.offsets = offsets.slice(0, -1).concat(this.offsets);
    this.lo = from;
  }

  private offsetFromTemporal(t: number): number {
    return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(this.zone).offsetNanoseconds / 1e6;
  }
}

const cache = new Map<string, ZoneRules>();

export function isValidZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The shared rules of a zone; throws `EngineError('invalid_zone')` for an unknown zone. */
export function zoneRules(zone: string): ZoneRules {
  let rules = cache.get(zone);
  if (!rules) {
    if (!isValidZone(zone)) {
      throw new EngineError('invalid_zone', `unknown time zone "${zone}": use an IANA zone name such as "America/Los_Angeles" or "UTC"`);
    }
    rules = new ZoneRules(zone);
    cache.set(zone, rules);
  }
  return rules;
}
