/** Checks calendar data once, when loaded, and reports every problem with its path. */
import { parseDate } from '../civil.js';
import type { SpecProblem } from '../errors.js';
import { checkLibrarySource } from '../holidays/library.js';
import { toMinuteInterval, wallMinutes } from '../timeline/plan.js';
import { WEEKDAYS, type CalendarSpec, type HolidaySpec, type WallIntervalSpec } from '../types.js';
import { isValidZone } from '../zone/rules.js';

const WEEK = 7 * 1440;

function checkInterval(iv: WallIntervalSpec, path: string, problems: SpecProblem[]): boolean {
  if (typeof iv !== 'object' || iv === null) {
    problems.push({ path, message: 'an interval must be an object with "from" and "to" (HH:MM)' });
    return false;
  }
  const from = wallMinutes(iv.from);
  const to = wallMinutes(iv.to);
  let ok = true;
  if (from === undefined || from === 1440) {
    problems.push({ path: `${path}.from`, message: `"${String(iv.from)}" is not a wall time from 00:00 to 23:59 (HH:MM)` });
    ok = false;
  }
  if (to === undefined) {
    problems.push({ path: `${path}.to`, message: `"${String(iv.to)}" is not a wall time from 00:00 to 24:00 (HH:MM)` });
    ok = false;
  }
  if (ok && from === to) {
    problems.push({ path, message: `the interval ${iv.from}–${iv.to} is empty (for a whole day write 00:00–24:00)` });
    ok = false;
  }
  return ok;
}

/** Overlap check over ranges on a circle of `period` minutes (the week), or a line when period is 0. */
function findOverlaps(ranges: { start: number; end: number; path: string }[], period: number, problems: SpecProblem[]): void {
  const pieces: { start: number; end: number; path: string }[] = [];
  for (const r of ranges) {
    if (period > 0 && r.end > period) {
      pieces.push({ start: r.start, end: period, path: r.path }, { start: 0, end: r.end - period, path: r.path });
    } else pieces.push(r);
  }
  pieces.sort((a, b) => a.start - b.start);
  const reported = new Set<string>();
  for (let i = 1; i < pieces.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = pieces[j]!;
      const b = pieces[i]!;
      if (b.start < a.end && a.path !== b.path) {
        const key = `${b.path}|${a.path}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push({ path: b.path, message: `overlaps ${a.path}; merge the two intervals or move one` });
      }
    }
  }
}

function checkHoliday(h: HolidaySpec, path: string, problems: SpecProblem[]): void {
  const kind = (h as { kind?: unknown }).kind;
  const needName = () => {
    if (typeof (h as { name?: unknown }).name !== 'string' || (h as { name: string }).name.trim() === '') {
      problems.push({ path: `${path}.name`, message: 'a holiday needs a name' });
    }
  };
  const month = (m: unknown) => {
    if (!Number.isInteger(m) || (m as number) < 1 || (m as number) > 12) problems.push({ path: `${path}.month`, message: 'month must be a whole number from 1 to 12' });
  };
  if (kind === 'date') {
    needName();
    if (parseDate(String((h as { date?: unknown }).date)) === undefined) problems.push({ path: `${path}.date`, message: `"${String((h as { date?: unknown }).date)}" is not a date (YYYY-MM-DD)` });
  } else if (kind === 'fixed') {
    needName();
    const f = h as { month?: unknown; day?: unknown; observed?: unknown };
    month(f.month);
    if (!Number.isInteger(f.day) || (f.day as number) < 1 || (f.day as number) > 31) problems.push({ path: `${path}.day`, message: 'day must be a whole number from 1 to 31' });
    if (f.observed !== undefined && f.observed !== 'none' && f.observed !== 'nearest_weekday') problems.push({ path: `${path}.observed`, message: 'observed must be "none" or "nearest_weekday"' });
  } else if (kind === 'nth_weekday') {
    needName();
    const n = h as { month?: unknown; weekday?: unknown; nth?: unknown; offset_days?: unknown };
    month(n.month);
    if (!(WEEKDAYS as readonly unknown[]).includes(n.weekday)) problems.push({ path: `${path}.weekday`, message: `weekday must be one of ${WEEKDAYS.join(', ')}` });
    if (!Number.isInteger(n.nth) || !((n.nth as number) === -1 || ((n.nth as number) >= 1 && (n.nth as number) <= 5))) problems.push({ path: `${path}.nth`, message: 'nth must be 1 to 5, or -1 for the last' });
    if (n.offset_days !== undefined && (!Number.isInteger(n.offset_days) || Math.abs(n.offset_days as number) > 14)) problems.push({ path: `${path}.offset_days`, message: 'offset_days must be a whole number of days from -14 to 14' });
  } else if (kind === 'library') {
    const lib = h as { country?: unknown };
    if (typeof lib.country !== 'string') problems.push({ path: `${path}.country`, message: 'a library holiday source needs a country code' });
    else for (const message of checkLibrarySource(h as never)) problems.push({ path, message });
  } else {
    problems.push({ path: `${path}.kind`, message: 'kind must be one of date, fixed, nth_weekday, library' });
  }
}

/** Every problem of a calendar spec (an empty list when it is valid). Never throws. */
export function validateCalendarSpec(spec: CalendarSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (typeof spec !== 'object' || spec === null) return [{ path: '', message: 'a calendar must be an object' }];
  if (typeof spec.id !== 'string' || spec.id.trim() === '') problems.push({ path: 'id', message: 'a calendar needs an id' });
  if (!isValidZone(spec.zone)) problems.push({ path: 'zone', message: `unknown time zone "${String(spec.zone)}": use an IANA name such as America/Los_Angeles, Europe/Berlin or UTC` });
  if (spec.always_open) {
    for (const key of ['weekly', 'holidays', 'exceptions'] as const) {
      if (spec[key] !== undefined) problems.push({ path: key, message: 'an always-open (24x7) calendar has no weekly hours, holidays or exceptions' });
    }
    return problems;
  }
  const weekRanges: { start: number; end: number; path: string }[] = [];
  let openMinutes = 0;
  for (const [key, intervals] of Object.entries(spec.weekly ?? {})) {
    const wd = (WEEKDAYS as readonly string[]).indexOf(key);
    if (wd < 0) {
      problems.push({ path: `weekly.${key}`, message: `unknown weekday "${key}" (use ${WEEKDAYS.join(', ')})` });
      continue;
    }
    if (!Array.isArray(intervals)) {
      problems.push({ path: `weekly.${key}`, message: 'a weekday holds a list of intervals' });
      continue;
    }
    intervals.forEach((iv, i) => {
      const path = `weekly.${key}[${i}]`;
      if (!checkInterval(iv, path, problems)) return;
      const [from, to] = toMinuteInterval(iv);
      openMinutes += to - from;
      weekRanges.push({ start: wd * 1440 + from, end: wd * 1440 + to, path });
    });
  }
  findOverlaps(weekRanges, WEEK, problems);
  (spec.holidays ?? []).forEach((h, i) => checkHoliday(h, `holidays[${i}]`, problems));
  const seenDates = new Map<string, number>();
  (spec.exceptions ?? []).forEach((ex, i) => {
    const path = `exceptions[${i}]`;
    if (parseDate(String(ex.date)) === undefined) problems.push({ path: `${path}.date`, message: `"${String(ex.date)}" is not a date (YYYY-MM-DD)` });
    else if (seenDates.has(ex.date)) problems.push({ path: `${path}.date`, message: `${ex.date} already has an exception at exceptions[${seenDates.get(ex.date)}]` });
    else seenDates.set(ex.date, i);
    const hasHours = Array.isArray(ex.hours) && ex.hours.length > 0;
    if (ex.closed === true && hasHours) problems.push({ path, message: 'an exception is either closed or has special hours, not both' });
    if (ex.closed !== true && !hasHours) problems.push({ path, message: 'an exception needs closed: true or a list of special hours' });
    if (hasHours) {
      const ranges: { start: number; end: number; path: string }[] = [];
      ex.hours!.forEach((iv, k) => {
        const p = `${path}.hours[${k}]`;
        if (!checkInterval(iv, p, problems)) return;
        const [from, to] = toMinuteInterval(iv);
        openMinutes += to - from;
        ranges.push({ start: from, end: to, path: p });
      });
      findOverlaps(ranges, 0, problems);
    }
  });
  if (openMinutes === 0 && !problems.some((p) => p.path.startsWith('weekly'))) {
    problems.push({ path: 'weekly', message: 'the calendar is never open: give it weekly hours, or set always_open: true for 24x7' });
  }
  return problems;
}
