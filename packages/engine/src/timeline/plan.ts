/** A calendar spec checked and turned into minute-based day plans, ready to lay on a timeline. */
import { parseDate } from '../civil.js';
import { WEEKDAYS, type CalendarSpec, type HolidaySpec, type WallIntervalSpec } from '../types.js';

/** An open interval in minutes from the start of its local date; `to` may exceed 1440. */
export type MinuteInterval = readonly [from: number, to: number];

export interface DayException {
  closed: boolean;
  hours: MinuteInterval[];
  reason?: string;
}

export interface DayPlan {
  /** Index 0 = Monday … 6 = Sunday. */
  weekly: MinuteInterval[][];
  exceptions: Map<number, DayException>;
  holidays: readonly HolidaySpec[];
}

const WALL = /^(\d{2}):(\d{2})$/;

/** `HH:MM` to minutes (`24:00` is 1440), or undefined. */
export function wallMinutes(text: string): number | undefined {
  const m = typeof text === 'string' ? WALL.exec(text) : null;
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/** A wall interval in minutes; a `to` at or before `from` crosses midnight. Assumes a valid spec. */
export function toMinuteInterval(spec: WallIntervalSpec): MinuteInterval {
  const from = wallMinutes(spec.from)!;
  let to = wallMinutes(spec.to)!;
  if (to <= from) to += 1440;
  return [from, to];
}

/** Builds the plan of a spec that `validateCalendarSpec` accepted. */
export function planOf(spec: CalendarSpec): DayPlan {
  const weekly = WEEKDAYS.map((d) => (spec.weekly?.[d] ?? []).map(toMinuteInterval).sort((a, b) => a[0] - b[0]));
  const exceptions = new Map<number, DayException>();
  for (const ex of spec.exceptions ?? []) {
    const day = parseDate(ex.date)!;
    const entry: DayException = { closed: ex.closed === true, hours: ex.closed ? [] : (ex.hours ?? []).map(toMinuteInterval) };
    if (ex.reason !== undefined) entry.reason = ex.reason;
    exceptions.set(day, entry);
  }
  return { weekly, exceptions, holidays: spec.holidays ?? [] };
}
