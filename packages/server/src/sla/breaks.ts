import type { Instant } from '@hourglass/engine';
import type { PauseBreak, StatusChange } from './types.js';

/** Statuses in which no clock runs: the work is done (or, for resolution, the target is met). */
export const STOPPED_STATUSES: readonly string[] = ['solved', 'closed'];

/**
 * The pause breaks of one target, derived from the ticket's status history: every stretch spent
 * in one of `pausing` statuses, as `[start, end)`; a stretch still going on at `now` ends at
 * `Infinity`. Changes after `now` are not yet facts and are ignored. Adjacent stretches in two
 * pausing statuses (pending, then on hold) form one break named after the first.
 */
export function pauseBreaks(
  history: readonly StatusChange[],
  pausing: ReadonlySet<string>,
  now: Instant,
): PauseBreak[] {
  const changes = [...history].filter((c) => c.at <= now).sort((a, b) => a.at - b.at);
  const breaks: PauseBreak[] = [];
  let open: PauseBreak | null = null;
  for (const change of changes) {
    const pauses = pausing.has(change.status);
    if (pauses && !open) {
      open = { start: change.at, end: Infinity, status: change.status };
    } else if (!pauses && open) {
      if (change.at > open.start) breaks.push({ ...open, end: change.at });
      open = null;
    }
  }
  if (open) breaks.push(open);
  return breaks;
}

/** The status the ticket was in at `t` (the last change at or before `t`), if known. */
export function statusAt(history: readonly StatusChange[], t: Instant): string | null {
  let current: StatusChange | null = null;
  for (const change of history) {
    if (change.at <= t && (!current || change.at >= current.at)) current = change;
  }
  return current?.status ?? null;
}
