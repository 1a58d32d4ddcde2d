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

/**
 * The short (abridged) path may ask for more recent examples than the full form (Twilio
 * messaging: one message from the last 48 hours, against 2–3 from the last 72). `null` when the
 * moment is recent enough for the short path; otherwise what to do instead.
 */
export function checkShortPathRecency(
  label: string,
  occurredAt: Instant,
  ticketOpenedAt: Instant,
  shortWindow: RecencyWindow,
  fullWindow: RecencyWindow | null | undefined,
): string | null {
  const age = ticketOpenedAt - occurredAt;
  const limit = shortWindow.bestEffortWithin ?? shortWindow.okWithin;
  if (age <= limit) return null;
  const full = fullWindow ? ` from the last ${hoursText(fullWindow.bestEffortWithin ?? fullWindow.okWithin)}` : '';
  return `${label} is ${hoursText(age)} before the ticket was opened: the short form needs an example from the last ${hoursText(limit)}. Give a more recent example, or the full details (the examples the form asks for${full}).`;
}
