/** Reading the fields of one batch line, each with a plain message when it is missing or wrong. */
import { parseInstant } from '@hourglass/engine';
import { messageOf } from '../../errors.js';
import { LineProblem } from './line-problem.js';

export type LineObject = Record<string, unknown>;

/** Fields that only target lines take; a calendar line that holds one of them is ambiguous. */
const TARGET_FIELDS = ['plan', 'priority', 'metric'] as const;
const CALENDAR_SHAPE = 'a calendar line takes calendar, business_hours or business_days, start and optionally policy';

/** The largest business-day count answered: more than the engine's range (to the year 2500) holds. */
export const MAX_BUSINESS_DAYS = 200_000;
/** The largest business-hour count answered (about 570 years of 24x7 time). */
export const MAX_BUSINESS_HOURS = 5_000_000;

export function isCalendarLine(line: LineObject): boolean {
  return line.calendar !== undefined || line.business_hours !== undefined || line.business_days !== undefined;
}

/**
 * Rejects a line that mixes the two shapes (a calendar with a plan, say). Fields that neither
 * shape knows are ignored, so callers may carry their own data along.
 */
export function checkShape(line: LineObject, calendarLine: boolean): void {
  if (!calendarLine) return;
  for (const field of TARGET_FIELDS) {
    if (line[field] !== undefined) {
      throw new LineProblem(`"${field}" belongs to a target line (policy, plan, priority, metric, start), not to a calendar line: ${CALENDAR_SHAPE}`);
    }
  }
}

export function requiredText(line: LineObject, field: string, example: string): string {
  const value = line[field];
  if (typeof value === 'string' && value.length > 0) return value;
  if (value === undefined) throw new LineProblem(`missing "${field}" (e.g. "${field}": "${example}")`);
  throw new LineProblem(`"${field}" must be a non-empty string (e.g. "${field}": "${example}"), not ${JSON.stringify(value)}`);
}

export function optionalText(line: LineObject, field: string, example: string): string | undefined {
  return line[field] === undefined ? undefined : requiredText(line, field, example);
}

export function startOf(line: LineObject): number {
  const value = line.start;
  if (value === undefined) throw new LineProblem('missing "start" (an instant with an offset, e.g. "start": "2026-11-20T17:00:00-08:00")');
  if (typeof value !== 'string') throw new LineProblem(`"start" must be an ISO 8601 string with an offset, not ${JSON.stringify(value)}`);
  try {
    return parseInstant(value);
  } catch (error) {
    throw new LineProblem(`"start": ${messageOf(error)}`);
  }
}

function amount(line: LineObject, field: string, max: number, whole: boolean): number {
  const value = line[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LineProblem(`"${field}" must be a number${whole ? ' of days' : ' of hours'}, not ${JSON.stringify(value)}`);
  }
  if (value < 0) throw new LineProblem(`"${field}" must be zero or more (got ${value})`);
  if (whole && !Number.isInteger(value)) throw new LineProblem(`"${field}" must be a whole number (got ${value})`);
  if (value > max) throw new LineProblem(`"${field}" must be at most ${max} (got ${value})`);
  return value;
}

/** Which amount a calendar line asks for; exactly one of the two must be given. */
export function usesBusinessDays(line: LineObject): boolean {
  const hasDays = line.business_days !== undefined;
  const hasHours = line.business_hours !== undefined;
  if (hasDays && hasHours) throw new LineProblem('give either "business_days" or "business_hours", not both');
  if (!hasDays && !hasHours) throw new LineProblem('missing "business_hours" or "business_days" (e.g. "business_hours": 2.5)');
  return hasDays;
}

export function businessDaysOf(line: LineObject): number {
  return amount(line, 'business_days', MAX_BUSINESS_DAYS, true);
}

export function businessHoursOf(line: LineObject): number {
  return amount(line, 'business_hours', MAX_BUSINESS_HOURS, false);
}
