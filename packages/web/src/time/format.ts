/**
 * Instants shown to a person: always in a named zone, in the language shown (`Wed 25 Nov, 17:30`,
 * `Mi., 25. Nov., 17:30`, `ср, 25 нояб., 17:30`), on a 24-hour clock. Durations, countdowns and due
 * statuses live in `duration.ts` and `due.ts` (re-exported here).
 */
import { activeIntl } from '../i18n/active.js';
import { dateLocale, dateTimeFormat, zoneNameLocale } from './locale.js';
import { serverNow } from './server-clock.js';
import { temporal } from './temporal.js';

export { formatSpan, type SpanStyle } from './duration.js';
export { dueStatus, isRunning, noGuaranteeText, type DueStatus, type TargetLike, type Tone } from './due.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const UNITS = { MINUTE, HOUR, DAY };

/** Epoch milliseconds of an ISO instant or a number; null when it names no instant. */
function epochOf(instant: string | number): number | null {
  if (typeof instant === 'number') return Number.isFinite(instant) ? instant : null;
  try {
    return temporal().Instant.from(instant).epochMilliseconds;
  } catch {
    const parsed = Date.parse(instant);
    return Number.isNaN(parsed) ? null : parsed;
  }
}

function unknownTime(): string {
  return activeIntl().formatMessage({ id: 'time.format.unknown' });
}

/** `Mon 23 Nov, 10:00` in `zone`, in the language shown. */
export function formatInstant(instant: string | number, zone: string): string {
  const epoch = epochOf(instant);
  if (epoch === null) return unknownTime();
  return dateTimeFormat(dateLocale(), { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epoch);
}

/** `10:00`: the time of day of `instant` in `zone`. */
export function formatTimeOfDay(instant: string | number, zone: string): string {
  const epoch = epochOf(instant);
  if (epoch === null) return unknownTime();
  return dateTimeFormat(dateLocale(), { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epoch);
}

/** `Mon 23 Nov`: the date of `instant` in `zone`. */
export function formatDay(instant: string | number, zone: string): string {
  const epoch = epochOf(instant);
  if (epoch === null) return unknownTime();
  return dateTimeFormat(dateLocale(), { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(epoch);
}

/** A weekday's name in the language shown: ISO numbering, 1 = Monday … 7 = Sunday. */
export function weekdayName(isoDay: number, width: 'short' | 'long' = 'short'): string {
  if (!Number.isInteger(isoDay) || isoDay < 1 || isoDay > 7) throw new RangeError(`${isoDay} is not an ISO weekday (1 = Monday … 7 = Sunday)`);
  // 2024-01-01 was a Monday.
  return dateTimeFormat(dateLocale(), { timeZone: 'UTC', weekday: width }).format(Date.UTC(2024, 0, isoDay));
}

/** The zone's short name at `instant` (`MST`, `GMT+1`), for a label such as `America/Denver (MST)`. */
export function zoneAbbreviation(zone: string, instant: string | number = serverNow()): string {
  const epoch = epochOf(instant) ?? serverNow();
  const part = dateTimeFormat(zoneNameLocale(), { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(epoch)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** `America/Denver (MST)`; `UTC` stays `UTC`. */
export function zoneLabel(zone: string, instant: string | number = serverNow()): string {
  const short = zoneAbbreviation(zone, instant);
  return short === zone ? zone : activeIntl().formatMessage({ id: 'time.format.zoneLabel' }, { zone, abbreviation: short });
}
