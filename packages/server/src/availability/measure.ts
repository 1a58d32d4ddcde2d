/**
 * A component's availability in one UTC month, from its status spans:
 * A = minutes in the month, B = minutes in major outage + share × minutes in partial outage,
 * availability = (A − B) / A. Degraded performance and maintenance count as available; overlapping
 * spans count once (the worst status decides each instant, see incidents/status-timeline.ts); a
 * span across a month boundary counts in each month for its part in it. A month still in progress
 * is measured up to `now` ("so far"); a month that has not begun is not measured.
 */
import { DEFAULT_PARTIAL_SHARE, MINUTE_MS, statusDurations, type TimedSpan } from '../incidents/status-timeline.js';
import { monthBounds, type Month } from './month.js';

export interface MonthMeasure {
  /** Milliseconds measured: the whole month, or up to now while it is in progress. */
  measuredMs: number;
  majorMs: number;
  partialMs: number;
  /** Unavailable milliseconds: major + share × partial (may be fractional). */
  downMs: number;
  /** Percent, 0–100. */
  availability: number;
  inProgress: boolean;
  /** The share of partial outage counted, in millionths (0.3 → 300000): exact comparisons use it. */
  shareMillionths: number;
}

export { DEFAULT_PARTIAL_SHARE };

export function measureMonth(spans: readonly TimedSpan[], month: Month, now: number, partialShare: number): MonthMeasure | null {
  const { start, end } = monthBounds(month);
  if (now <= start) return null;
  const to = Math.min(end, now);
  const durations = statusDurations(spans, start, to);
  const shareMillionths = Math.round(partialShare * 1_000_000);
  const measuredMs = to - start;
  const downMs = durations.major_outage + (shareMillionths / 1_000_000) * durations.partial_outage;
  return {
    measuredMs,
    majorMs: durations.major_outage,
    partialMs: durations.partial_outage,
    downMs,
    availability: (100 * (measuredMs - downMs)) / measuredMs,
    inProgress: now < end,
    shareMillionths,
  };
}

/**
 * True when the measured availability is below `threshold` percent, decided exactly (integers, no
 * floating-point rounding at the boundary): (A − B) / A < t ⇔ (A − B) · 10⁶ < t · 10⁴ · A, with B in
 * millionths of a millisecond.
 */
export function isBelow(measure: MonthMeasure, threshold: number): boolean {
  const a = BigInt(measure.measuredMs);
  const downMicro = BigInt(measure.majorMs) * 1_000_000n + BigInt(measure.shareMillionths) * BigInt(measure.partialMs);
  const availableMicro = a * 1_000_000n - downMicro;
  const thresholdMillionths = BigInt(Math.round(threshold * 10_000));
  return availableMicro < thresholdMillionths * a;
}

export const toMinutes = (ms: number): number => ms / MINUTE_MS;
