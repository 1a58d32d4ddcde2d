/** Instants as people read them: local date and time in a calendar's zone, with the weekday. */
import { formatInstant } from '@hourglass/engine';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export interface LocalTime {
  /** ISO 8601 with the zone's offset. */
  iso: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, or `HH:MM:SS` when the seconds are not zero. */
  time: string;
  /** `Mon` … `Sun` */
  weekday: string;
  /** `-08:00`, `+05:30` or `Z` */
  offset: string;
}

/** The weekday of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[day] ?? '???';
}

export function localTime(t: number, zone: string): LocalTime {
  const iso = formatInstant(t, zone);
  const date = iso.slice(0, 10);
  const seconds = iso.slice(17, 19);
  const time = seconds === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  let rest = 19;
  if (iso[rest] === '.') rest += 4;
  return { iso, date, time, weekday: weekdayOf(date), offset: iso.slice(rest) };
}

/** `Mon 2026-11-23 07:00 -08:00` */
export function describeInstant(t: number, zone: string): string {
  const local = localTime(t, zone);
  return `${local.weekday} ${local.date} ${local.time} ${local.offset}`;
}

/** `Mon 2026-11-23 06:00 → 07:00`, or with the end's date when it falls on another day. */
export function describeRange(start: number, end: number, zone: string): string {
  const a = localTime(start, zone);
  const b = localTime(end, zone);
  const endText = a.date === b.date ? b.time : `${b.weekday} ${b.date} ${b.time}`;
  const offsets = a.offset === b.offset ? a.offset : `${a.offset} → ${b.offset}`;
  return `${a.weekday} ${a.date} ${a.time} → ${endText} ${offsets}`;
}

function offsetMs(t: number, zone: string): number {
  const iso = formatInstant(t, zone);
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/**
 * The first instant of local date `date` (`YYYY-MM-DD`) in `zone`: its midnight (the earlier one
 * when midnight repeats), or the first instant after a DST gap that swallows midnight.
 */
export function startOfLocalDate(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const candidates = [wall - offsetMs(wall - 86_400_000, zone), wall - offsetMs(wall + 86_400_000, zone), wall - offsetMs(wall, zone)];
  const onDate = candidates.filter((t) => localTime(t, zone).date === date);
  return Math.min(...(onDate.length > 0 ? onDate : candidates));
}
