/** What `hourglass sla deadline` is asked, read from its flags. */
import { HOUR, parseDuration, parseInstant } from '@hourglass/engine';
import { flag, optionalNumber, optionalString, requiredString, type ParsedArgs } from '../../args.js';
import { messageOf, UsageError } from '../../errors.js';

export const DEADLINE_FLAGS = {
  policy: { type: 'string' },
  plan: { type: 'string' },
  priority: { type: 'string' },
  metric: { type: 'string' },
  'pack-version': { type: 'string' },
  calendar: { type: 'string' },
  'business-hours': { type: 'string' },
  'business-days': { type: 'string' },
  start: { type: 'string' },
  explain: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

interface Common {
  /** The pack version to use instead of the one in force at the start. */
  packVersion: string | undefined;
  start: number;
  explain: boolean;
  json: boolean;
}

/** A plan's target: `--policy --plan [--priority] [--metric]`. */
export interface TargetQuestion extends Common {
  kind: 'target';
  policy: string;
  plan: string;
  /** Undefined: the pack's default priority. */
  priority: string | undefined;
  /** Undefined: the pack's only metric. */
  metric: string | undefined;
}

export type Amount = { unit: 'hours'; ms: number; text: string } | { unit: 'days'; days: number };

/** Business time on a calendar: `--calendar ID --business-hours H | --business-days N`. */
export interface CalendarQuestion extends Common {
  kind: 'calendar';
  calendar: string;
  policy: string | undefined;
  amount: Amount;
}

export type DeadlineQuestion = TargetQuestion | CalendarQuestion;

/** `--start`, an ISO 8601 instant with an offset; now when it is not given. */
export function startFlag(parsed: ParsedArgs, now: number, name = 'start'): number {
  const text = optionalString(parsed, name);
  if (text === undefined) return now;
  try {
    return parseInstant(text);
  } catch (error) {
    throw new UsageError(`--${name}: ${messageOf(error)}`);
  }
}

/** `--business-hours`: a number of hours (fractions allowed) or a duration such as `1h30m`. */
function businessHours(text: string): Amount {
  const hours = Number(text);
  if (text.trim() !== '' && Number.isFinite(hours)) {
    if (hours < 0) throw new UsageError(`--business-hours must be zero or more (got ${text})`);
    return { unit: 'hours', ms: Math.round(hours * HOUR), text };
  }
  try {
    return { unit: 'hours', ms: parseDuration(text), text };
  } catch (error) {
    throw new UsageError(`--business-hours takes a number of hours such as 3 or 2.5, or a duration such as 1h30m: ${messageOf(error)}`);
  }
}

function amountOf(parsed: ParsedArgs): Amount {
  const hours = optionalString(parsed, 'business-hours');
  const days = optionalNumber(parsed, 'business-days', true);
  if (hours !== undefined && days !== undefined) throw new UsageError('give either --business-hours or --business-days, not both');
  if (hours !== undefined) return businessHours(hours);
  if (days !== undefined) return { unit: 'days', days };
  throw new UsageError('--calendar needs --business-hours H or --business-days N (e.g. --business-hours 3)');
}

/** Reads the flags into a question; a usage error names what is missing or mixed up. */
export function readQuestion(parsed: ParsedArgs, now: number): DeadlineQuestion {
  const common: Common = {
    packVersion: optionalString(parsed, 'pack-version'),
    start: startFlag(parsed, now),
    explain: flag(parsed, 'explain'),
    json: flag(parsed, 'json'),
  };
  const calendarMode = ['calendar', 'business-hours', 'business-days'].some((name) => optionalString(parsed, name) !== undefined);
  if (calendarMode) {
    for (const name of ['plan', 'priority', 'metric']) {
      if (optionalString(parsed, name) !== undefined) {
        throw new UsageError(`--${name} goes with --policy and --plan, not with --calendar/--business-hours/--business-days`);
      }
    }
    const calendar = requiredString(parsed, 'calendar', 'twilio-business-hours');
    return { ...common, kind: 'calendar', calendar, policy: optionalString(parsed, 'policy'), amount: amountOf(parsed) };
  }
  if (optionalString(parsed, 'policy') === undefined && optionalString(parsed, 'plan') === undefined) {
    throw new UsageError('say what to compute: --policy P --plan PLAN [--priority ID] [--metric ID], or --calendar ID with --business-hours H or --business-days N');
  }
  return {
    ...common,
    kind: 'target',
    policy: requiredString(parsed, 'policy', 'twilio'),
    plan: requiredString(parsed, 'plan', 'bootstrap'),
    priority: optionalString(parsed, 'priority'),
    metric: optionalString(parsed, 'metric'),
  };
}
