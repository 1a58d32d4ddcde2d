/**
 * Plain data that describes a calendar. Policy packs map onto these records; the engine compiles
 * them once into a {@link Schedule} and answers every question from the compiled timeline.
 *
 * All instants are integers: milliseconds since the Unix epoch (UTC). All durations are
 * milliseconds. Local dates are `YYYY-MM-DD` strings; wall times are `HH:MM` strings.
 */

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;
/** A length of time in milliseconds. */
export type Duration = number;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * An open interval on a local day. `to` may be `24:00` (end of day). A `to` earlier than `from`
 * crosses midnight and ends on the next day (`22:00`–`02:00`). `from` equal to `to` is empty and
 * rejected.
 */
export interface WallIntervalSpec {
  from: string;
  to: string;
}

export type WeeklySpec = Partial<Record<Weekday, WallIntervalSpec[]>>;

/** A holiday on one explicit local date. */
export interface ExplicitHolidaySpec {
  kind: 'date';
  name: string;
  date: string;
}

/**
 * A holiday on the same month/day every year. With `observed: 'nearest_weekday'` a date that
 * falls on a Saturday is observed the Friday before and one on a Sunday the Monday after (the
 * observed day may fall in the previous year: 1 Jan 2028 is observed Fri 31 Dec 2027).
 */
export interface FixedHolidaySpec {
  kind: 'fixed';
  name: string;
  month: number;
  day: number;
  observed?: 'none' | 'nearest_weekday';
}

/**
 * The n-th weekday of a month (`nth` 1..5, or -1 for the last), optionally shifted by whole days
 * (the day after Thanksgiving is the 4th Thursday of November + 1).
 */
export interface NthWeekdayHolidaySpec {
  kind: 'nth_weekday';
  name: string;
  month: number;
  weekday: Weekday;
  nth: number;
  offset_days?: number;
}

/**
 * Holidays of a country/region from the `date-holidays` library, optionally filtered by type
 * (`public`, `bank`, `school`, `optional`, `observance`) and/or by name (English names).
 */
export interface LibraryHolidaySpec {
  kind: 'library';
  country: string;
  state?: string;
  region?: string;
  types?: string[];
  names?: string[];
}

export type HolidaySpec =
  | ExplicitHolidaySpec
  | FixedHolidaySpec
  | NthWeekdayHolidaySpec
  | LibraryHolidaySpec;

/** A dated exception: the date is closed, or has special hours instead of its weekly hours. */
export interface ExceptionSpec {
  date: string;
  closed?: boolean;
  hours?: WallIntervalSpec[];
  reason?: string;
}

export interface CalendarSpec {
  id: string;
  name?: string;
  /** IANA time zone, e.g. `America/Los_Angeles`. */
  zone: string;
  /** Always open (`24x7`). Weekly hours, holidays and exceptions are then not allowed. */
  always_open?: boolean;
  weekly?: WeeklySpec;
  holidays?: HolidaySpec[];
  exceptions?: ExceptionSpec[];
}

/** One open period of a calendar: `[start, end)`. */
export interface Segment {
  start: Instant;
  end: Instant;
}

export type ClosedReason = 'night' | 'weekend' | 'closed_day' | 'holiday' | 'exception';

/** A closed period skipped while computing a due time, with why it was closed. */
export interface ClosedPeriod extends Segment {
  reason: ClosedReason;
  /** The holiday's or exception's name where there is one. */
  name?: string;
}

/** Why a due time is what it is: the open segments that make it up and what was skipped. */
export interface Explanation {
  calendar: string;
  zone: string;
  start: Instant;
  duration: Duration;
  due: Instant;
  /** Open time counted, in order; their lengths add up to `duration`. */
  open: Segment[];
  /** Closed periods between `start` and `due`, in order. */
  closed: ClosedPeriod[];
}

/** A dated holiday once resolved for a year. */
export interface HolidayDate {
  date: string;
  name: string;
}
