import { parseInstant, type Instant } from '@hourglass/engine';
import { englishText, validateIntake as judgeIntake, type IntakeForm, type IntakeVerdict } from '@hourglass/rules';
import type { IntakeIssue, IntakeResult } from './types.js';

/**
 * Checks a ticket's intake values against a product form by the shared intake rules (the ones the
 * browser shows at each field), reading date-times as ISO 8601 with an offset; each verdict comes
 * with its English phrasing. A pack whose clocks wait for intake (`on_intake_complete`) may still
 * accept an incomplete ticket and start its clocks once `complete` turns true.
 */
export function validateIntake(form: IntakeForm, values: Readonly<Record<string, unknown>>, ticketOpenedAt: Instant): IntakeResult {
  const { verdicts, ...result } = judgeIntake(form, values, { ticketOpenedAt, readInstant: readIsoInstant });
  return { ...result, issues: verdicts.map(issueOf) };
}

/** An intake verdict as an issue of an API answer: the verdict and its English phrasing. */
export function issueOf(verdict: IntakeVerdict): IntakeIssue {
  return { ...verdict, message: englishText(verdict) };
}

/** An instant written in ISO 8601 with its offset (`2026-11-23T08:15:00-08:00`); null when unreadable. */
export function readIsoInstant(text: string): number | null {
  try {
    return parseInstant(text);
  } catch {
    return null;
  }
}
