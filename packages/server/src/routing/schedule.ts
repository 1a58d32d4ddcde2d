import { compileCalendar, EngineError, type Schedule } from '@hourglass/engine';
import type { WorkingHours } from '../db/schema.js';

/** A person's working time as routing sees it: their zone, weekly hours and out-of-office ranges. */
export interface WorkingTime {
  zone: string;
  working_hours: WorkingHours | null;
  /** Closed ranges `[start, end)` in epoch ms when the person is away from work. */
  out_of_office: readonly { start: number; end: number }[];
}

export type WorkingState =
  | { working: true }
  | { working: false; why: 'out_of_office'; until: number }
  | { working: false; why: 'outside_hours'; next: number | null }
  | { working: false; why: 'no_hours' | 'invalid_hours' };

const MAX_CACHED = 500;
const compiled = new Map<string, Schedule | EngineError>();

/** The weekly hours compiled once per zone and hours (the engine keeps DST right); a bad schedule is remembered as its error. */
function scheduleOf(zone: string, hours: WorkingHours): Schedule | EngineError {
  const key = `${zone}\u0000${JSON.stringify(hours)}`;
  let found = compiled.get(key);
  if (found === undefined) {
    try {
      found = compileCalendar({ id: 'working-hours', zone, weekly: hours });
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      found = error;
    }
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, found);
  }
  return found;
}

/**
 * Whether the person is at work at `at`: not out of office and inside their weekly hours in their
 * own zone. A person without weekly hours (`null`) is never counted as in hours, and weekly hours
 * that cannot be compiled (overlapping intervals, say) count as none.
 */
export function workingStateAt(person: WorkingTime, at: number): WorkingState {
  const away = person.out_of_office.filter((r) => r.start <= at && at < r.end);
  if (away.length > 0) return { working: false, why: 'out_of_office', until: Math.max(...away.map((r) => r.end)) };
  if (person.working_hours === null || Object.values(person.working_hours).every((day) => !day || day.length === 0)) {
    return { working: false, why: 'no_hours' };
  }
  const schedule = scheduleOf(person.zone, person.working_hours);
  if (schedule instanceof EngineError) return { working: false, why: 'invalid_hours' };
  if (schedule.isOpen(at)) return { working: true };
  return { working: false, why: 'outside_hours', next: schedule.nextOpen(at) };
}
