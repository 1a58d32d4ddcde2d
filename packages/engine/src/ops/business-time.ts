/** Adding business time to an instant, and the business time between two instants. */
import { EngineError } from '../errors.js';
import { gallopAtOrAfter } from '../timeline/search.js';
import type { Timeline } from '../timeline/timeline.js';

/** The earliest instant at which `d` of open time has elapsed since `t` (`d >= 0`). */
export function addBusinessTime(tl: Timeline, t: number, d: number): number {
  if (d === 0) return t;
  tl.ensure(t);
  for (;;) {
    const i = tl.locate(t);
    const cum = tl.cum;
    const n = tl.n;
    if (i < n) {
      const s = tl.starts[i]!;
      const target = cum[i]! + (t > s ? t - s : 0) + d;
      if (target <= cum[n]!) {
        const j = gallopAtOrAfter(cum, i + 1, n, target) - 1;
        return tl.starts[j]! + (target - cum[j]!);
      }
    }
    if (!tl.growForward()) {
      throw new EngineError('out_of_range', 'the calendar does not have that much open time before the year 2500');
    }
  }
}

/** The open time inside `[a, b)`; negative when `b` is before `a`. */
export function businessTimeBetween(tl: Timeline, a: number, b: number): number {
  tl.ensure(a);
  tl.ensure(b);
  return tl.openBefore(b) - tl.openBefore(a);
}
