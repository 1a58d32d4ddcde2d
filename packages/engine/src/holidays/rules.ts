/** Holiday rules that need no library: explicit dates, fixed dates with observed shift, n-th weekdays. */
import { daysFromCivil, daysInMonth, parseDate, weekdayIndex } from '../civil.js';
import { WEEKDAYS, type ExplicitHolidaySpec, type FixedHolidaySpec, type NthWeekdayHolidaySpec } from '../types.js';

/** The day number a fixed-date holiday is observed on in `year` (may fall in the year before). */
export function fixedHolidayDay(spec: FixedHolidaySpec, year: number): number | undefined {
  if (spec.day > daysInMonth(year, spec.month)) return undefined;
  const days = daysFromCivil(year, spec.month, spec.day);
  if (spec.observed !== 'nearest_weekday') return days;
  const wd = weekdayIndex(days);
  if (wd === 5) return days - 1;
  if (wd === 6) return days + 1;
  return days;
}

/** The day number of the n-th (or, with -1, the last) weekday of a month, shifted by offset_days. */
export function nthWeekdayDay(spec: NthWeekdayHolidaySpec, year: number): number | undefined {
  const target = WEEKDAYS.indexOf(spec.weekday);
  let days: number;
  if (spec.nth > 0) {
    const first = daysFromCivil(year, spec.month, 1);
    days = first + ((target - weekdayIndex(first) + 7) % 7) + (spec.nth - 1) * 7;
    if (days >= first + daysInMonth(year, spec.month)) return undefined;
  } else {
    const last = daysFromCivil(year, spec.month, daysInMonth(year, spec.month));
    days = last - ((weekdayIndex(last) - target + 7) % 7) + (spec.nth + 1) * 7;
    if (days < daysFromCivil(year, spec.month, 1)) return undefined;
  }
  return days + (spec.offset_days ?? 0);
}

export function explicitHolidayDay(spec: ExplicitHolidaySpec): number | undefined {
  return parseDate(spec.date);
}
