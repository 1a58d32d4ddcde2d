/**
 * Wall clocks in a named zone, through Temporal: the wall time of an instant (as a `datetime-local`
 * input holds it), the instant of a wall time, and the weekday and time of day of an instant.
 */
import { temporal } from './temporal.js';

const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** `2026-12-01T09:00`: the wall time of `instant` in `zone`, to the minute. */
export function wallTimeIn(instant: number, zone: string): string {
  return temporal().Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/**
 * The instant at which `zone`'s clocks read `wall` (`YYYY-MM-DDTHH:MM`), or null when it is not such a
 * text. A wall time skipped by a daylight-saving change is read with the offset from before the
 * change; a repeated one is its first occurrence.
 */
export function instantOfWallTime(wall: string, zone: string): number | null {
  if (!WALL.test(wall)) return null;
  try {
    return temporal().PlainDateTime.from(wall).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  } catch {
    return null;
  }
}

export interface ZonedClock {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  /** `09:05`, on a 24-hour clock. */
  time: string;
}

/** The weekday and time of day `zone`'s clocks show at `instant`. */
export function zonedClock(instant: number, zone: string): ZonedClock {
  const zoned = temporal().Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
  return { isoWeekday: zoned.dayOfWeek, time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }) };
}
