/** Is a calendar open at an instant, and when does it next open or close. */
import { EngineError } from '../errors.js';
import type { Timeline } from '../timeline/timeline.js';

function noMoreOpenTime(t: number): EngineError {
  return new EngineError('out_of_range', `the calendar has no open time after ${new Date(t).toISOString()} (before the year 2500)`);
}

export function isOpen(tl: Timeline, t: number): boolean {
  tl.ensure(t);
  const i = tl.locate(t);
  return i < tl.n && tl.starts[i]! <= t;
}

export function nextOpen(tl: Timeline, t: number): number {
  tl.ensure(t);
  for (;;) {
    const i = tl.locate(t);
    if (i < tl.n) return Math.max(t, tl.starts[i]!);
    if (!tl.growForward()) throw noMoreOpenTime(t);
  }
}

export function nextClose(tl: Timeline, t: number): number {
  tl.ensure(t);
  for (;;) {
    const k = tl.locate(t);
    // A period that reaches the window's end may go on beyond it: widen and look again.
    if (k < tl.n && tl.ends[k]! < tl.hi) return tl.ends[k]!;
    if (!tl.growForward()) {
      if (k < tl.n) return tl.ends[k]!;
      throw noMoreOpenTime(t);
    }
  }
}
