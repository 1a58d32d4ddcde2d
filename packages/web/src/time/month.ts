/**
 * A calendar's month as days: the open hours of each local date, read from open periods written
 * in the calendar's own zone (`2026-11-25T06:00:00-08:00`), split at local midnight.
 */

export interface LocalPeriod {
  start: string;
  end: string;
}

export interface OpenSpan {
  from: string;
  to: string;
}

import { dateLocale, dateTimeFormat } from './locale.js';
import { temporal } from './temporal.js';

const DAY = 86_400_000;

/** `2026-11-25T06:00:00-08:00` → `2026-11-25` and `06:00`, as written (the calendar's local time). */
function localParts(instant: string): { date: string; time: string } {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant);
  if (!match) throw new Error(`"${instant}" is not a local date and time`);
  return { date: match[1]!, time: match[2]! };
}

/** `2026-11-30` → `2026-12-01`. */
export function nextDate(date: string): string {
  return temporal().PlainDate.from(date).add({ days: 1 }).toString();
}

/** The open hours of each local date the periods touch: `{ '2026-11-25': [{ from: '06:00', to: '18:00' }] }`. */
export function openHoursByDate(periods: readonly LocalPeriod[]): Map<string, OpenSpan[]> {
  const byDate = new Map<string, OpenSpan[]>();
  const add = (date: string, span: OpenSpan) => {
    if (span.from === span.to) return;
    const list = byDate.get(date) ?? [];
    list.push(span);
    byDate.set(date, list);
  };
  for (const period of periods) {
    const start = localParts(period.start);
    const end = localParts(period.end);
    let date = start.date;
    let from = start.time;
    // Whole days in between are open from 00:00 to 24:00.
    while (date < end.date) {
      add(date, { from, to: '24:00' });
      date = nextDate(date);
      from = '00:00';
    }
    add(date, { from, to: end.time });
  }
  return byDate;
}

/** The dates of a month (`month` 1–12), in weeks from Monday; days outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = Date.UTC(year, month - 1, 1);
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= count; day++) cells.push(new Date(first + (day - 1) * DAY).toISOString().slice(0, 10));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The local date (`YYYY-MM-DD`) of `instant` in `zone`. */
export function localDateIn(instant: number, zone: string): string {
  return temporal().Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** `{ year: 2026, month: 11 }` moved by `delta` months. */
export function shiftMonth(at: { year: number; month: number }, delta: number): { year: number; month: number } {
  const index = at.year * 12 + (at.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** `November 2026`, `novembro de 2026`, `ноябрь 2026 г.`: in the language shown. */
export function monthName(year: number, month: number): string {
  return dateTimeFormat(dateLocale(), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.UTC(year, month - 1, 1));
}
