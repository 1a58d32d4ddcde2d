/**
 * Calendar months in UTC, named `YYYY-MM`: what availability is counted per.
 */
import { utcMonth } from '../incidents/status-timeline.js';

export interface Month {
  year: number;
  /** 1–12. */
  month: number;
}

export const DAY_MS = 86_400_000;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `2026-02` → { year: 2026, month: 2 }; null when it is not a month. */
export function parseMonth(text: string): Month | null {
  const match = MONTH_PATTERN.exec(text);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

export const monthKey = (m: Month): string => `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}`;

/** The month's first day as a `date` value: `2026-02-01`. */
export const monthDate = (m: Month): string => `${monthKey(m)}-01`;

/** `2026-02-01` (or any date text starting with a month) → the month. */
export function monthOfDate(date: string): Month {
  const parsed = parseMonth(date.slice(0, 7));
  if (!parsed) throw new Error(`not a date: ${date}`);
  return parsed;
}

/** [start, end) in epoch milliseconds. */
export const monthBounds = (m: Month): { start: number; end: number } => utcMonth(m.year, m.month);

/** The month holding an instant (UTC). */
export function monthAt(at: number): Month {
  const d = new Date(at);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

export function addMonths(m: Month, count: number): Month {
  const index = m.year * 12 + (m.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const compareMonths = (a: Month, b: Month): number => a.year * 12 + a.month - (b.year * 12 + b.month);

/** Every month from `from` to `to`, both included, oldest first. */
export function monthsFrom(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; compareMonths(m, to) <= 0; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last day of a month as a `date` value: `2026-02-28`. */
export function lastDayOf(m: Month): string {
  const { end } = monthBounds(m);
  return new Date(end - DAY_MS).toISOString().slice(0, 10);
}
