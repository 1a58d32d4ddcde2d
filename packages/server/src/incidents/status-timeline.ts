/**
 * A component's status over time, from its spans: pure arithmetic shared by the status page's daily
 * bars and the monthly availability. At each instant the worst open span decides (major outage over
 * partial outage over maintenance over degraded performance); where none is open the component is
 * operational. Overlapping spans (two incidents on one component) are therefore counted once.
 */
import type { ComponentStatus, SpanStatus } from './tables.js';

export interface TimedSpan {
  status: SpanStatus;
  /** Epoch milliseconds. */
  start: number;
  /** Epoch milliseconds; null: still open. */
  end: number | null;
}

/** Higher is worse. */
export const STATUS_RANK: Record<ComponentStatus, number> = {
  operational: 0,
  degraded_performance: 1,
  under_maintenance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export const MINUTE_MS = 60_000;

export type StatusDurations = Record<ComponentStatus, number>;

/** The worst of some statuses; operational when there are none. */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const status of statuses) if (STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
  return worst;
}

/**
 * How many milliseconds of [from, to) the component spent in each status, the worst open span
 * deciding each instant. Open spans end at `to`. The durations add up to `to - from`.
 */
export function statusDurations(spans: readonly TimedSpan[], from: number, to: number): StatusDurations {
  const totals: StatusDurations = { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0 };
  if (to <= from) return totals;
  const edges: { at: number; status: SpanStatus; delta: 1 | -1 }[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end ?? to, to);
    if (end <= start) continue;
    edges.push({ at: start, status: span.status, delta: 1 }, { at: end, status: span.status, delta: -1 });
  }
  edges.sort((a, b) => a.at - b.at);
  const open: Record<SpanStatus, number> = { degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0 };
  const current = (): ComponentStatus => {
    let worst: ComponentStatus = 'operational';
    for (const status of Object.keys(open) as SpanStatus[]) if (open[status] > 0 && STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
    return worst;
  };
  let cursor = from;
  for (const edge of edges) {
    if (edge.at > cursor) {
      totals[current()] += edge.at - cursor;
      cursor = edge.at;
    }
    open[edge.status] += edge.delta;
  }
  totals[current()] += to - cursor;
  return totals;
}

/** The default share of partial-outage time counted as unavailable (Statuspage's and Instatus's convention). */
export const DEFAULT_PARTIAL_SHARE = 0.3;

/**
 * Unavailable milliseconds: all of major outage plus `partialShare` of partial outage. Degraded
 * performance and maintenance count as available.
 */
export function unavailableMs(durations: StatusDurations, partialShare: number): number {
  return durations.major_outage + partialShare * durations.partial_outage;
}

/** [start, end) of a calendar month in UTC, as epoch milliseconds; `month` is 1–12. */
export function utcMonth(year: number, month: number): { start: number; end: number } {
  return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) };
}

/** The worst status of each UTC day from `firstDay` (epoch ms of a UTC midnight), `days` days long. */
export function dailyWorst(spans: readonly TimedSpan[], firstDay: number, days: number): { day: number; worst: ComponentStatus; durations: StatusDurations }[] {
  const out: { day: number; worst: ComponentStatus; durations: StatusDurations }[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = firstDay + i * 86_400_000;
    const durations = statusDurations(spans, day, day + 86_400_000);
    const worst = worstStatus((Object.keys(durations) as ComponentStatus[]).filter((s) => durations[s] > 0));
    out.push({ day, worst, durations });
  }
  return out;
}
