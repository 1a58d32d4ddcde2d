import { HOUR, type Duration, type Instant } from '@hourglass/engine';

/**
 * How recent examples must be, measured back from the instant the ticket was opened: within
 * `okWithin` is fine; up to `bestEffortWithin` is looked at on a best-effort basis (a warning);
 * older is too old to investigate (an error).
 */
export interface RecencyWindow {
  okWithin: Duration;
  bestEffortWithin?: Duration | null;
}

export type RecencyCheck =
  | { verdict: 'ok' }
  | { verdict: 'best_effort' | 'too_old' | 'after_opening'; message: string };

export function checkRecency(
  label: string,
  occurredAt: Instant,
  ticketOpenedAt: Instant,
  window: RecencyWindow,
): RecencyCheck {
  const age = ticketOpenedAt - occurredAt;
  const ok = hoursText(window.okWithin);
  if (age < 0) {
    return {
      verdict: 'after_opening',
      message: `${label} is after the ticket was opened; give the time the issue happened, which is before the ticket.`,
    };
  }
  if (age <= window.okWithin) return { verdict: 'ok' };
  const bestEffort = window.bestEffortWithin ?? null;
  if (bestEffort !== null && age <= bestEffort) {
    return {
      verdict: 'best_effort',
      message: `${label} is ${hoursText(age)} before the ticket was opened. Examples from the last ${ok} are best; between ${ok} and ${hoursText(bestEffort)} the providers are asked on a best-effort basis and may no longer have the records. Add a more recent example if you can.`,
    };
  }
  const limit = bestEffort ?? window.okWithin;
  return {
    verdict: 'too_old',
    message: `${label} is ${hoursText(age)} before the ticket was opened: older than ${hoursText(limit)} is too old to investigate, because providers keep these records for only about ${ok}. Give an example from the last ${ok}.`,
  };
}

/** `24 hours`, `1 hour`, `26.5 hours`. */
export function hoursText(duration: Duration): string {
  const hours = Math.round((duration / HOUR) * 10) / 10;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
