/** Resolves a calendar's holiday specs to the closed local dates of a range of years. */
import { civilFromDays } from '../civil.js';
import type { HolidaySpec } from '../types.js';
import { libraryHolidays } from './library.js';
import { explicitHolidayDay, fixedHolidayDay, nthWeekdayDay } from './rules.js';

/** Day number → holiday name(s), for every holiday whose observed date lies in [fromDay, toDay). */
export function resolveHolidays(specs: readonly HolidaySpec[], fromDay: number, toDay: number): Map<number, string> {
  const out = new Map<number, string>();
  const add = (day: number | undefined, name: string) => {
    if (day === undefined || day < fromDay || day >= toDay) return;
    const existing = out.get(day);
    if (existing === undefined) out.set(day, name);
    else if (!existing.split(' / ').includes(name)) out.set(day, `${existing} / ${name}`);
  };
  // Observed shifts move a date by at most a few days across a year boundary.
  const firstYear = civilFromDays(fromDay).year - 1;
  const lastYear = civilFromDays(toDay).year + 1;
  for (const spec of specs) {
    if (spec.kind === 'date') {
      add(explicitHolidayDay(spec), spec.name);
      continue;
    }
    for (let year = firstYear; year <= lastYear; year++) {
      if (spec.kind === 'fixed') add(fixedHolidayDay(spec, year), spec.name);
      else if (spec.kind === 'nth_weekday') add(nthWeekdayDay(spec, year), spec.name);
      else for (const h of libraryHolidays(spec, year)) add(h.day, h.name);
    }
  }
  return out;
}
