/**
 * An independent referee for due times: walks forward one step (a minute, or a second for starts
 * between whole minutes) at a time and counts the steps that lie inside opening hours, reading the
 * wall clock through Intl (not the engine). Opening and closing times are whole minutes, so a step
 * is either wholly open or wholly closed. The due time is the end of the step that completes the
 * duration, so it may be exactly a closing time, as SPEC.md requires.
 */
import { createZoneClock } from './zone-clock.mjs';
import { weekdayOfDay } from './us-holidays.mjs';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Stop a runaway walk: no answer in this bench is more than 60 calendar days away. */
const MAX_WALK_MS = 60 * DAY_MS;

/**
 * @param {object} calendar
 * @param {string} calendar.zone IANA zone
 * @param {Record<number, [number, number][]>} calendar.openMinutesByWeekday 0 = Sunday; each
 *   interval is [fromMinuteOfDay, toMinuteOfDay) on one local day
 * @param {{ day: number }[]} calendar.holidays closed local dates (day numbers since 1970-01-01)
 */
export function createBruteForce({ zone, openMinutesByWeekday, holidays }) {
  const clock = createZoneClock(zone);
  const closedDays = new Set(holidays.map((holiday) => holiday.day));

  /** Whether the minute containing `instantMs` lies inside opening hours. */
  function isOpenMinute(instantMs) {
    const local = instantMs + clock.offsetAt(instantMs);
    const day = Math.floor(local / DAY_MS);
    if (closedDays.has(day)) return false;
    const intervals = openMinutesByWeekday[weekdayOfDay(day)];
    if (!intervals) return false;
    const minuteOfDay = Math.floor((local - day * DAY_MS) / MINUTE_MS);
    for (const [from, to] of intervals) {
      if (minuteOfDay >= from && minuteOfDay < to) return true;
    }
    return false;
  }

  /**
   * Due time (epoch ms) of `durationMs` of open time from `startMs`, walking in steps of `stepMs`
   * (a divisor of a minute that also divides the start and the duration).
   */
  function dueAfter(startMs, durationMs, stepMs = MINUTE_MS) {
    if (MINUTE_MS % stepMs !== 0 || startMs % stepMs !== 0 || durationMs % stepMs !== 0 || durationMs < 0) {
      throw new Error(
        `brute force needs a step that divides a minute and also the start and the (non-negative) duration; got start ${startMs}, duration ${durationMs}, step ${stepMs}`,
      );
    }
    const giveUpAt = startMs + MAX_WALK_MS;
    let t = startMs;
    let remaining = durationMs;
    while (remaining > 0) {
      if (t > giveUpAt) throw new Error(`brute force found no due time within 60 days of ${clock.formatIso(startMs)}`);
      if (isOpenMinute(t)) remaining -= stepMs;
      t += stepMs;
    }
    return t;
  }

  return { dueAfter, isOpenMinute };
}

/** Mon–Fri 06:00–18:00: the twilio business-hours week in the form above. */
export const WEEKDAYS_06_TO_18 = Object.freeze({
  1: [[360, 1080]],
  2: [[360, 1080]],
  3: [[360, 1080]],
  4: [[360, 1080]],
  5: [[360, 1080]],
});
