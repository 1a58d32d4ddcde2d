import type { Duration, Instant, Segment } from '@hourglass/engine';
import type { SlaSchedule } from './types.js';

/**
 * Business time with breaks: a clock that counts the calendar's open time except inside the
 * breaks (pause periods). Breaks are sorted, disjoint `[start, end)` ranges; an ongoing pause
 * ends at `Infinity`.
 */

/**
 * The earliest instant at which `duration` of open time outside the breaks has elapsed since
 * `start`; `null` when the clock is still paused before that much time has run.
 */
export function addBusinessTimeAround(
  schedule: SlaSchedule,
  start: Instant,
  duration: Duration,
  breaks: readonly Segment[],
): Instant | null {
  let cursor = start;
  let remaining = duration;
  for (const pause of breaks) {
    if (pause.end <= cursor) continue;
    if (pause.start > cursor) {
      const available = schedule.businessTimeBetween(cursor, pause.start);
      if (available >= remaining) return schedule.addBusinessTime(cursor, remaining);
      remaining -= available;
    }
    if (pause.end === Infinity) return null;
    cursor = Math.max(cursor, pause.end);
  }
  return schedule.addBusinessTime(cursor, remaining);
}

/** The open time inside `[from, to)` outside the breaks (0 when `to <= from`). */
export function businessTimeAround(
  schedule: SlaSchedule,
  from: Instant,
  to: Instant,
  breaks: readonly Segment[],
): Duration {
  return runningPieces(from, to, breaks).reduce(
    (sum, piece) => sum + schedule.businessTimeBetween(piece.start, piece.end),
    0,
  );
}

/** The parts of `[from, to)` outside the breaks, in order. */
export function runningPieces(from: Instant, to: Instant, breaks: readonly Segment[]): Segment[] {
  const pieces: Segment[] = [];
  let cursor = from;
  for (const pause of breaks) {
    if (cursor >= to) break;
    if (pause.end <= cursor) continue;
    if (pause.start > cursor) pieces.push({ start: cursor, end: Math.min(pause.start, to) });
    cursor = Math.max(cursor, pause.end);
  }
  if (cursor < to) pieces.push({ start: cursor, end: to });
  return pieces;
}

/** The wall-clock length of the breaks inside `[from, to)`. */
export function pausedWithin(from: Instant, to: Instant, breaks: readonly Segment[]): Duration {
  let total = 0;
  for (const pause of breaks) {
    const start = Math.max(pause.start, from);
    const end = Math.min(pause.end, to);
    if (end > start) total += end - start;
  }
  return total;
}

/** The breaks cut off at `limit`: what was known about pauses at that instant. */
export function breaksBefore<T extends Segment>(breaks: readonly T[], limit: Instant): T[] {
  return breaks
    .filter((pause) => pause.start < limit)
    .map((pause) => (pause.end > limit ? { ...pause, end: limit } : pause));
}
