/** Searches over ascending Float64Arrays, the hot path of every operation. */

/**
 * The smallest index `k` in `[from, n]` with `arr[k] >= t` (n + 1 when none), galloping from
 * `from`: answers near the start (short durations) cost a step or two.
 */
export function gallopAtOrAfter(arr: Float64Array, from: number, n: number, t: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi <= n && arr[hi]! < t) {
    lo = hi + 1;
    hi += step;
    step <<= 1;
  }
  if (hi > n) hi = n + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
