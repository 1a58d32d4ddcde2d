/** The instants at which a zone's offset changes, found through Intl (for aiming test inputs at DST). */
import { offsetOf } from './wall-clock.js';

const MIN = 60_000;
const DAY = 86_400_000;
const cache = new Map<string, number[]>();

/** Offset changes in `[from, to)`, to the minute: daily samples, then a binary search inside the day. */
export function offsetTransitions(zone: string, from: number, to: number): number[] {
  const key = `${zone}|${from}|${to}`;
  const known = cache.get(key);
  if (known) return known;
  const out: number[] = [];
  for (let day = from; day < to; day += DAY) {
    let lo = day;
    let hi = Math.min(day + DAY, to);
    if (offsetOf(lo, zone) === offsetOf(hi, zone)) continue;
    // Invariant: the offset at lo differs from the offset at hi; narrow to one minute.
    while (hi - lo > MIN) {
      const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN;
      if (offsetOf(mid, zone) === offsetOf(lo, zone)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  cache.set(key, out);
  return out;
}
