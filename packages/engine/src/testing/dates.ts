/** Local dates for the reference, through `Date` in UTC: `YYYY-MM-DD` strings and their arithmetic. */

const DAY_MS = 86_400_000;
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Midnight of a `YYYY-MM-DD` date as a local value (UTC milliseconds of that wall time). */
export function dateToLocal(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (dateOfLocal(ms) !== date) throw new Error(`not a calendar date: ${date}`);
  return ms;
}

/** The `YYYY-MM-DD` date of a local value. */
export function dateOfLocal(local: number): string {
  return new Date(local).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return dateOfLocal(dateToLocal(date) + n * DAY_MS);
}

/** `mon` … `sun` for a date. */
export function weekdayOf(date: string): (typeof WEEKDAY_KEYS)[number] {
  return WEEKDAY_KEYS[new Date(dateToLocal(date)).getUTCDay()]!;
}

export function makeDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How many days a month has (`Date` rolls day 0 of the next month back to the last day). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Minutes since midnight of `HH:MM` (`24:00` is 1440). */
export function wallToMinutes(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a wall time: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
