/** Ids, durations and instants as policy files write them. */
import * as z from 'zod';
import { parseDuration, parseInstant } from '@hourglass/engine';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A short machine name: letters, digits, `_`, `-` and `.`, starting with a letter or digit. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, {
    error: 'an id uses letters, digits, "_", "-" and "." and starts with a letter or digit (e.g. twilio-business-hours, P1, sme)',
  })
  .meta({ description: 'A short machine name: letters, digits, "_", "-" and ".", starting with a letter or digit.' });

export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });

function durationProblem(text: string): string | null {
  try {
    return parseDuration(text) > 0 ? null : 'a duration must be longer than zero';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A positive duration: `30min`, `2h`, `1h30m`, `24h`, `PT1H30M`. */
export const durationSchema = z
  .string()
  .superRefine((text, ctx) => {
    const problem = durationProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'A duration such as 30min, 2h, 1h30m, 24h or PT1H30M.', examples: ['30min', '2h', 'PT1H30M'] });

/** A target duration, or `none` for an explicit "no guarantee". */
export const targetDurationSchema = z
  .string()
  .superRefine((text, ctx) => {
    if (text === 'none') return;
    const problem = durationProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; or write none for no guarantee` });
  })
  .meta({ description: 'A duration such as 30min, 2h, 1h30m or PT1H30M, or "none" for no guarantee.', examples: ['1h', '30min', 'none'] });

/** An ISO 8601 instant with `Z` or an offset. */
export const instantSchema = z
  .string()
  .superRefine((text, ctx) => {
    try {
      parseInstant(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  })
  .meta({ description: 'An ISO 8601 instant with Z or an offset, e.g. 2025-04-01T00:00:00-07:00.' });

/** The four kinds of SLA measurement Hourglass knows how to clock. */
export const METRIC_KINDS = ['acknowledgment', 'first_response', 'next_update', 'resolution'] as const;
export const metricKindSchema = z.enum(METRIC_KINDS);

/** Ticket statuses, as SPEC.md names them. */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const PAUSABLE_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const;

/** Channels a ticket can arrive through. */
export const CHANNELS = ['web', 'api', 'email', 'phone', 'chat'] as const;
export const channelSchema = z.enum(CHANNELS);
