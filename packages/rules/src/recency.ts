import type { Verdict } from './verdict.js';

/**
 * How recent examples must be, measured back from the instant the ticket was opened: within
 * `okWithin` is fine; up to `bestEffortWithin` is looked at on a best-effort basis (a warning);
 * older is too old to investigate (an error). Durations in milliseconds.
 */
export interface RecencyWindow {
  okWithin: number;
  bestEffortWithin?: number | null | undefined;
}

export type RecencyCheck =
  | { verdict: 'ok' }
  | { verdict: 'best_effort' | 'too_old' | 'after_opening'; found: Verdict<'intake.recency.bestEffort' | 'intake.recency.tooOld' | 'intake.recency.afterOpening'> };

/** How recent `occurredAt` is against `window`, back from the ticket's opening (instants in milliseconds). */
export function checkRecency(label: string, occurredAt: number, ticketOpenedAt: number, window: RecencyWindow): RecencyCheck {
  const age = ticketOpenedAt - occurredAt;
  if (age < 0) return { verdict: 'after_opening', found: { code: 'intake.recency.afterOpening', args: { label } } };
  if (age <= window.okWithin) return { verdict: 'ok' };
  const bestEffort = window.bestEffortWithin ?? null;
  if (bestEffort !== null && age <= bestEffort) {
    return { verdict: 'best_effort', found: { code: 'intake.recency.bestEffort', args: { label, age, okWithin: window.okWithin, bestEffortWithin: bestEffort } } };
  }
  return { verdict: 'too_old', found: { code: 'intake.recency.tooOld', args: { label, age, limit: bestEffort ?? window.okWithin, okWithin: window.okWithin } } };
}

/**
 * The short (abridged) path may ask for more recent examples than the full form (Twilio
 * messaging: one message from the last 48 hours, against 2–3 from the last 72). `null` when the
 * moment is recent enough for the short path; otherwise the verdict.
 */
export function checkShortPathRecency(
  label: string,
  occurredAt: number,
  ticketOpenedAt: number,
  shortWindow: RecencyWindow,
  fullWindow: RecencyWindow | null | undefined,
): Verdict<'intake.recency.tooOldForShortForm'> | null {
  const age = ticketOpenedAt - occurredAt;
  const limit = shortWindow.bestEffortWithin ?? shortWindow.okWithin;
  if (age <= limit) return null;
  const fullLimit = fullWindow ? (fullWindow.bestEffortWithin ?? fullWindow.okWithin) : null;
  return { code: 'intake.recency.tooOldForShortForm', args: { label, age, limit, fullLimit } };
}
