/**
 * fast-check generators of calendars and instants for the property tests: random weekly hours
 * (0–3 intervals a day, on 15-minute or 1-minute steps, whole days, intervals across midnight),
 * holidays of every kind, exceptions, zones with and without DST and with odd offsets, and starts
 * aimed at DST changes and at opening and closing times.
 */
import fc from 'fast-check';
import { WEEKDAYS, type CalendarSpec, type ExceptionSpec, type HolidaySpec, type WallIntervalSpec, type WeeklySpec } from '../types.js';
import { addDays, dateOfLocal } from './dates.js';
import { offsetTransitions } from './transitions.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const ZONES = [
  'UTC',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'America/St_Johns',
  'Australia/Sydney',
  'America/Santiago',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'America/Havana',
] as const;

/** Starts fall in these years. */
export const WINDOW_FROM = Date.UTC(2025, 0, 1);
export const WINDOW_TO = Date.UTC(2029, 0, 1);

const LIBRARY_SOURCES: HolidaySpec[] = [
  { kind: 'library', country: 'US', types: ['public'] },
  { kind: 'library', country: 'DE', state: 'BE', types: ['public'] },
  { kind: 'library', country: 'GB', state: 'ENG', types: ['public'] },
  { kind: 'library', country: 'AU', state: 'NSW', types: ['public'] },
  { kind: 'library', country: 'IN', types: ['public'] },
  { kind: 'library', country: 'US', names: ['Thanksgiving Day', 'Christmas Day'] },
];

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minute marks of one day's intervals: 0–3 disjoint `[from, to)` within 00:00–24:00. */
function dayMarks(step: number): fc.Arbitrary<[number, number][]> {
  return fc
    .integer({ min: 0, max: 3 })
    .chain((k) => fc.uniqueArray(fc.integer({ min: 0, max: 1440 / step }), { minLength: 2 * k, maxLength: 2 * k }))
    .map((points) => {
      const sorted = points.map((p) => p * step).sort((a, b) => a - b);
      const out: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) out.push([sorted[i]!, sorted[i + 1]!]);
      return out;
    });
}

/** A weekly schedule; some days' last interval is stretched across midnight into the next day. */
export function weeklyArb(): fc.Arbitrary<WeeklySpec> {
  return fc
    .constantFrom(15, 15, 60, 1)
    .chain((step) =>
      fc.tuple(
        fc.array(dayMarks(step), { minLength: 7, maxLength: 7 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }),
        fc.constant(step),
        fc.boolean(),
      ),
    )
    .map(([days, stretch, step, allDay]) => {
      if (allDay) days[0] = [[0, 1440]];
      const weekly: WeeklySpec = {};
      WEEKDAYS.forEach((wd, i) => {
        const marks = days[i]!;
        const intervals: WallIntervalSpec[] = marks.map(([from, to]) => ({ from: hhmm(from), to: hhmm(to) }));
        const last = marks[marks.length - 1];
        const next = days[(i + 1) % 7]!;
        const nextFirst = next.length > 0 ? next[0]![0] : 1440;
        // Stretch the last interval to `end` minutes past midnight: before the next day's first
        // opening, and before its own start so it stays shorter than a day.
        const limit = Math.min(nextFirst, last ? last[0] - step : 0);
        if (last && stretch[i]! < 0.35 && limit >= 0) {
          const end = Math.floor((stretch[i]! / 0.35) * (limit / step + 1)) * step;
          intervals[intervals.length - 1] = { from: hhmm(last[0]), to: hhmm(Math.min(end, limit)) };
        }
        if (intervals.length > 0 || stretch[i]! > 0.9) weekly[wd] = intervals;
      });
      if (!WEEKDAYS.some((wd) => (weekly[wd] ?? []).length > 0)) weekly.mon = [{ from: '09:00', to: '17:00' }];
      return weekly;
    });
}

/** Open minutes a week, to keep durations within reach of a minute-stepping reference. */
export function weeklyOpenMinutes(weekly: WeeklySpec): number {
  let total = 0;
  for (const wd of WEEKDAYS) {
    for (const iv of weekly[wd] ?? []) {
      const [fh, fm] = iv.from.split(':').map(Number) as [number, number];
      const [th, tm] = iv.to.split(':').map(Number) as [number, number];
      const from = fh * 60 + fm;
      const to = th * 60 + tm;
      total += to > from ? to - from : to + 1440 - from;
    }
  }
  return total;
}

function dateNear(anchor: number, spread: number): fc.Arbitrary<string> {
  return fc.integer({ min: -spread, max: spread }).map((k) => addDays(dateOfLocal(anchor), k));
}

export function holidayArb(anchor: number): fc.Arbitrary<HolidaySpec> {
  const name = fc.constantFrom('Founders Day', 'Harvest Day', 'Closure Day', 'Winter Break');
  const month = fc.integer({ min: 1, max: 12 });
  const nearMonth = fc.integer({ min: -1, max: 1 }).map((k) => ((new Date(anchor).getUTCMonth() + k + 12) % 12) + 1);
  return fc.oneof(
    fc.record({ kind: fc.constant('date' as const), name, date: dateNear(anchor, 20) }),
    fc.record(
      {
        kind: fc.constant('fixed' as const),
        name,
        month: fc.oneof(nearMonth, month),
        day: fc.integer({ min: 1, max: 31 }),
        observed: fc.constantFrom('none' as const, 'nearest_weekday' as const),
      },
      { requiredKeys: ['kind', 'name', 'month', 'day'] },
    ),
    fc.record(
      {
        kind: fc.constant('nth_weekday' as const),
        name,
        month: fc.oneof(nearMonth, month),
        weekday: fc.constantFrom(...WEEKDAYS),
        nth: fc.constantFrom(1, 2, 3, 4, 5, -1),
        offset_days: fc.integer({ min: -3, max: 3 }),
      },
      { requiredKeys: ['kind', 'name', 'month', 'weekday', 'nth'] },
    ),
    fc.constantFrom(...LIBRARY_SOURCES),
  );
}

export function exceptionsArb(anchor: number): fc.Arbitrary<ExceptionSpec[]> {
  const exception = fc.tuple(dateNear(anchor, 12), fc.boolean(), dayMarks(15), fc.option(fc.constantFrom('Stocktake', 'Offsite'), { nil: undefined }), fc.integer({ min: 0, max: 4 * 24 }));
  return fc
    .uniqueArray(exception, { maxLength: 3, selector: ([date]) => date })
    .map((list) =>
      list.map(([date, closed, marks, reason, cross]) => {
        const ex: ExceptionSpec = { date };
        if (closed || marks.length === 0) ex.closed = true;
        else {
          ex.hours = marks.map(([from, to]) => ({ from: hhmm(from), to: hhmm(to) }));
          const last = marks[marks.length - 1]!;
          // Sometimes the last special interval runs past midnight too.
          if (last[1] === 1440 && cross * 15 < last[0]) ex.hours[ex.hours.length - 1] = { from: hhmm(last[0]), to: hhmm(cross * 15) };
        }
        if (reason !== undefined) ex.reason = reason;
        return ex;
      }),
    );
}

/** An instant in the window: anywhere, or close to one of the zone's offset changes. */
export function anchorArb(zone: string): fc.Arbitrary<number> {
  const transitions = offsetTransitions(zone, WINDOW_FROM, WINDOW_TO);
  const anywhere = fc.integer({ min: WINDOW_FROM / MIN, max: WINDOW_TO / MIN - 1 }).map((m) => m * MIN);
  if (transitions.length === 0) return anywhere;
  const near = (minutes: number) => fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -minutes, max: minutes })).map(([t, k]) => t + k * MIN);
  // Within three days of a change, and often within two hours of it (in a skipped or repeated hour).
  return fc.oneof(anywhere, near(72 * 60), near(120));
}

/** Sub-minute jitter, sometimes: most starts are whole minutes, some carry seconds and milliseconds. */
export const jitterArb: fc.Arbitrary<number> = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: MIN - 1 }));

export interface CalendarCase {
  spec: CalendarSpec;
  /** An instant near which the holidays and exceptions fall. */
  anchor: number;
}

/** A random valid calendar in a random zone, with an anchor instant near its dated entries. */
export function calendarCaseArb(): fc.Arbitrary<CalendarCase> {
  return fc
    .constantFrom(...ZONES)
    .chain((zone) => fc.tuple(fc.constant(zone), anchorArb(zone)))
    .chain(([zone, anchor]) =>
      fc.record({
        spec: fc.record({
          id: fc.constant('random'),
          zone: fc.constant(zone),
          weekly: weeklyArb(),
          holidays: fc.array(holidayArb(anchor), { maxLength: 4 }),
          exceptions: exceptionsArb(anchor),
        }),
        anchor: fc.constant(anchor),
      }),
    );
}

/** A duration up to `maxHours`, in whole minutes mostly, sometimes with milliseconds, sometimes 0. */
export function durationArb(maxMinutes: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: maxMinutes }).map((m) => m * MIN),
    fc.integer({ min: 1, max: maxMinutes * MIN }),
  );
}

export const HOURS_60 = 60 * 60;
export { DAY as DAY_MS, HOUR as HOUR_MS, MIN as MINUTE_MS };
