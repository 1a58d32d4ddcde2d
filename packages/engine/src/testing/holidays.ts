/**
 * Holiday rules for the reference, worked out date by date from their plain definitions:
 * every candidate date of the month is listed and the right one picked.
 */
import Holidays from 'date-holidays';
import type { HolidaySpec, LibraryHolidaySpec } from '../types.js';
import { addDays, daysInMonth, makeDate, weekdayOf, yearOf } from './dates.js';

function fixedDate(month: number, day: number, observed: string | undefined, year: number): string | undefined {
  if (day > daysInMonth(year, month)) return undefined;
  const date = makeDate(year, month, day);
  if (observed !== 'nearest_weekday') return date;
  const wd = weekdayOf(date);
  if (wd === 'sat') return addDays(date, -1);
  if (wd === 'sun') return addDays(date, 1);
  return date;
}

function nthWeekdayDate(month: number, weekday: string, nth: number, offset: number, year: number): string | undefined {
  const matching: string[] = [];
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const date = makeDate(year, month, d);
    if (weekdayOf(date) === weekday) matching.push(date);
  }
  const picked = nth === -1 ? matching[matching.length - 1] : matching[nth - 1];
  return picked === undefined ? undefined : addDays(picked, offset);
}

function libraryDates(spec: LibraryHolidaySpec, year: number): { date: string; name: string }[] {
  const hd = spec.state === undefined ? new Holidays(spec.country) : spec.region === undefined ? new Holidays(spec.country, spec.state) : new Holidays(spec.country, spec.state, spec.region);
  const out: { date: string; name: string }[] = [];
  for (const h of hd.getHolidays(year, 'en') ?? []) {
    if (spec.types && spec.types.length > 0 && !spec.types.includes(h.type)) continue;
    if (spec.names && spec.names.length > 0 && !spec.names.some((n) => n.toLowerCase() === h.name.toLowerCase())) continue;
    // A holiday of several days closes each of its dates.
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    const first = h.date.slice(0, 10);
    for (let k = 0; k < days; k++) out.push({ date: addDays(first, k), name: h.name });
  }
  return out;
}

/** Every holiday date (with its names) that the specs give for rule-year `year`. */
function datesOfYear(specs: readonly HolidaySpec[], year: number): { date: string; name: string }[] {
  const out: { date: string; name: string }[] = [];
  for (const spec of specs) {
    let date: string | undefined;
    if (spec.kind === 'date') date = yearOf(spec.date) === year ? spec.date : undefined;
    else if (spec.kind === 'fixed') date = fixedDate(spec.month, spec.day, spec.observed, year);
    else if (spec.kind === 'nth_weekday') date = nthWeekdayDate(spec.month, spec.weekday, spec.nth, spec.offset_days ?? 0, year);
    else {
      out.push(...libraryDates(spec, year));
      continue;
    }
    if (date !== undefined) out.push({ date, name: spec.name });
  }
  return out;
}

/** Holiday names by date, computed a rule-year at a time and remembered. */
export class ReferenceHolidays {
  private readonly byDate = new Map<string, string[]>();
  private readonly doneYears = new Set<number>();

  constructor(private readonly specs: readonly HolidaySpec[]) {}

  /** The names of the holidays on `date` (empty when it is not a holiday). */
  namesOn(date: string): string[] {
    // Observed shifts and day offsets move a date by at most a few weeks across a year boundary.
    const y = yearOf(date);
    for (const year of [y - 1, y, y + 1]) this.loadYear(year);
    return this.byDate.get(date) ?? [];
  }

  private loadYear(year: number): void {
    if (this.doneYears.has(year)) return;
    this.doneYears.add(year);
    for (const { date, name } of datesOfYear(this.specs, year)) {
      const names = this.byDate.get(date) ?? [];
      if (!names.includes(name)) names.push(name);
      this.byDate.set(date, names);
    }
  }
}
