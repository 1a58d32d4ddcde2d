/** Country and region holidays from the `date-holidays` library, filtered by type or name. */
import Holidays from 'date-holidays';
import { parseDate } from '../civil.js';
import type { LibraryHolidaySpec } from '../types.js';

export const LIBRARY_HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;

const instances = new Map<string, Holidays>();

function library(spec: LibraryHolidaySpec): Holidays {
  const key = [spec.country, spec.state ?? '', spec.region ?? ''].join('/');
  let hd = instances.get(key);
  if (!hd) {
    hd = new Holidays();
    if (spec.state === undefined) hd.init(spec.country);
    else if (spec.region === undefined) hd.init(spec.country, spec.state);
    else hd.init(spec.country, spec.state, spec.region);
    instances.set(key, hd);
  }
  return hd;
}

/** Problems with a library holiday source, as plain sentences (empty when it is usable). */
export function checkLibrarySource(spec: LibraryHolidaySpec): string[] {
  const problems: string[] = [];
  const hd = new Holidays();
  const countries = hd.getCountries('en') ?? {};
  if (!(spec.country in countries)) {
    problems.push(`unknown country "${spec.country}" for date-holidays (use an ISO 3166 code such as US, DE, IN)`);
    return problems;
  }
  if (spec.state !== undefined) {
    const states = hd.getStates(spec.country, 'en') ?? {};
    if (!(spec.state in states)) problems.push(`unknown state "${spec.state}" of ${spec.country} (known: ${Object.keys(states).join(', ') || 'none'})`);
    else if (spec.region !== undefined) {
      const regions = hd.getRegions(spec.country, spec.state, 'en') ?? {};
      if (!(spec.region in regions)) problems.push(`unknown region "${spec.region}" of ${spec.country}/${spec.state}`);
    }
  } else if (spec.region !== undefined) {
    problems.push('a region needs its state');
  }
  for (const type of spec.types ?? []) {
    if (!(LIBRARY_HOLIDAY_TYPES as readonly string[]).includes(type)) {
      problems.push(`unknown holiday type "${type}" (use ${LIBRARY_HOLIDAY_TYPES.join(', ')})`);
    }
  }
  return problems;
}

/** The holidays of one year from the library, as day numbers and English names. */
export function libraryHolidays(spec: LibraryHolidaySpec, year: number): { day: number; name: string }[] {
  const types = spec.types && spec.types.length > 0 ? new Set(spec.types) : undefined;
  const names = spec.names && spec.names.length > 0 ? new Set(spec.names.map((n) => n.toLowerCase())) : undefined;
  const out: { day: number; name: string }[] = [];
  for (const h of library(spec).getHolidays(year, 'en') ?? []) {
    if (types && !types.has(h.type)) continue;
    if (names && !names.has(h.name.toLowerCase())) continue;
    const day = parseDate(h.date.slice(0, 10));
    if (day !== undefined) out.push({ day, name: h.name });
  }
  return out;
}
