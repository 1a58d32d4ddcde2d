/**
 * The daily uptime bars of a component: for each UTC day its worst status and the share of the day
 * it was available, where major outage counts fully and partial outage by the pack's share (0.3 by
 * default); degraded performance and maintenance count as available. Days before the component
 * counts have no bar value (null).
 */
import { dailyWorst, type TimedSpan, unavailableMs } from '../incidents/status-timeline.js';
import type { ComponentStatus } from '../incidents/tables.js';

export const UPTIME_DAYS = 90;
const DAY_MS = 86_400_000;

export interface UptimeDay {
  /** YYYY-MM-DD (UTC). */
  date: string;
  worst: ComponentStatus;
  /** Percent available that day (0–100), or null before the component counts. */
  percent: number | null;
  /** Minutes of major outage and of partial outage that day. */
  major_minutes: number;
  partial_minutes: number;
}

/**
 * The bars from `firstDay` (a UTC midnight) through the day of `now`; today counts up to `now`.
 * `countsFrom`: the first instant the component counts. Spans should end no later than `now`.
 */
export function uptimeDays(spans: readonly TimedSpan[], firstDay: number, now: number, countsFrom: number, partialShare: number): { days: UptimeDay[]; percent: number | null } {
  const days = Math.floor((now - firstDay) / DAY_MS) + 1;
  let counted = 0;
  let unavailable = 0;
  const out = dailyWorst(spans, firstDay, days).map(({ day, worst, durations }) => {
    const from = Math.max(day, countsFrom);
    const to = Math.min(day + DAY_MS, now);
    const span = to - from;
    let percent: number | null = null;
    if (span > 0) {
      const lost = unavailableMs(durations, partialShare);
      counted += span;
      unavailable += lost;
      percent = Math.max(0, 100 * (1 - lost / span));
    }
    return {
      date: new Date(day).toISOString().slice(0, 10),
      worst: span > 0 ? worst : 'operational',
      percent,
      major_minutes: Math.round(durations.major_outage / 60_000),
      partial_minutes: Math.round(durations.partial_outage / 60_000),
    };
  });
  return { days: out, percent: counted > 0 ? Math.max(0, 100 * (1 - unavailable / counted)) : null };
}
