/**
 * One line of `hourglass sla deadlines` in, one line out: the reusable core of the batch.
 *
 * ```ts
 * const answer = createBatchAnswerer(await loadShippedPacks());
 * answer('{"id":1,"policy":"twilio","plan":"bootstrap","priority":"P1","metric":"first_response","start":"2026-11-20T17:00:00-08:00"}');
 * // '{"id":1,"due":"2026-11-23T07:00:00-08:00"}'
 * ```
 */
import { formatInstant, HOUR } from '@hourglass/engine';
import type { PolicyRegistry } from '@hourglass/policy';
import { messageOf } from '../../errors.js';
import {
  businessDaysOf,
  businessHoursOf,
  checkShape,
  isCalendarLine,
  optionalText,
  requiredText,
  startOf,
  usesBusinessDays,
  type LineObject,
} from './batch-fields.js';
import { BatchLookups } from './batch-lookups.js';
import { LineProblem } from './line-problem.js';

const OPEN_BRACE = 123;

function idText(id: unknown): string {
  if (id === undefined) return 'null';
  return typeof id === 'number' && Number.isFinite(id) ? String(id) : JSON.stringify(id);
}

function errorLine(id: string, message: string): string {
  return `{"id":${id},"error":${JSON.stringify(message)}}`;
}

function isBlank(line: string): boolean {
  return line.charCodeAt(0) !== OPEN_BRACE && line.trim().length === 0;
}

function parseLine(line: string): LineObject {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new LineProblem(`the line is not valid JSON (${messageOf(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineProblem('the line must be a JSON object such as {"id":1,"calendar":"24x7","business_hours":2,"start":"2026-01-05T09:00:00Z"}');
  }
  return value as LineObject;
}

function targetDue(lookups: BatchLookups, line: LineObject): string {
  const policy = requiredText(line, 'policy', 'twilio');
  const plan = requiredText(line, 'plan', 'bootstrap');
  const priority = requiredText(line, 'priority', 'P1');
  const metric = requiredText(line, 'metric', 'first_response');
  const start = startOf(line);
  const target = lookups.target(policy, plan, priority, metric, start);
  if (target === null) return 'null';
  const calendar = target.calendar;
  return `"${formatInstant(calendar.addBusinessTime(start, target.duration), calendar.zone)}"`;
}

function calendarDue(lookups: BatchLookups, line: LineObject): string {
  const id = requiredText(line, 'calendar', 'twilio-business-hours');
  const policy = optionalText(line, 'policy', 'twilio');
  const byDays = usesBusinessDays(line);
  const amount = byDays ? businessDaysOf(line) : businessHoursOf(line);
  const start = startOf(line);
  const { schedule, zone } = lookups.calendar(id, policy, start);
  const due = byDays ? schedule.addBusinessDays(start, amount) : schedule.addBusinessTime(start, Math.round(amount * HOUR));
  return `"${formatInstant(due, zone)}"`;
}

/** Answers one NDJSON line with one line of JSON text (no newline), or `''` for a blank line. */
export type BatchAnswerer = (line: string) => string;

/**
 * Builds the function that answers one NDJSON line: `{"id","due"}` or `{"id","error"}` as JSON
 * text, or `''` for a blank line, which gets no answer. The id is copied from the line (`null`
 * when it has none). It never throws; lookups are cached for the registry's life.
 */
export function createBatchAnswerer(registry: PolicyRegistry): BatchAnswerer {
  const lookups = new BatchLookups(registry);
  return (line: string): string => {
    if (isBlank(line)) return '';
    let id = 'null';
    try {
      const input = parseLine(line);
      id = idText(input.id);
      const calendarLine = isCalendarLine(input);
      checkShape(input, calendarLine);
      const due = calendarLine ? calendarDue(lookups, input) : targetDue(lookups, input);
      return `{"id":${id},"due":${due}}`;
    } catch (error) {
      return errorLine(id, error instanceof LineProblem ? error.message : messageOf(error));
    }
  };
}

/** Whether an answer line is an `{"id","error"}` line (the id may itself hold any JSON). */
export function isErrorAnswer(answer: string): boolean {
  return answer.lastIndexOf(',"error":') > answer.lastIndexOf(',"due":');
}
