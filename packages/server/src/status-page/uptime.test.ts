import { describe, expect, it } from 'vitest';
import { uptimeDays } from './uptime.js';

const H = 3_600_000;
const DAY = 24 * H;
const FIRST = Date.UTC(2026, 0, 1);

describe('the daily uptime bars', () => {
  it('count major outage fully and partial outage by the share, degraded performance and maintenance not at all', () => {
    const now = FIRST + 3 * DAY + 12 * H;
    const { days, percent } = uptimeDays(
      [
        { status: 'major_outage', start: FIRST + 8 * H, end: FIRST + 10 * H },
        { status: 'partial_outage', start: FIRST + DAY, end: FIRST + DAY + 4 * H },
        { status: 'degraded_performance', start: FIRST + 2 * DAY, end: FIRST + 2 * DAY + 5 * H },
        { status: 'under_maintenance', start: FIRST + 2 * DAY + 6 * H, end: FIRST + 2 * DAY + 7 * H },
      ],
      FIRST,
      now,
      FIRST,
      0.5,
    );
    expect(days.map((d) => d.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(days.map((d) => d.worst)).toEqual(['major_outage', 'partial_outage', 'under_maintenance', 'operational']);
    expect(days[0]!.percent).toBeCloseTo(100 * (22 / 24), 10);
    expect(days[1]!.percent).toBeCloseTo(100 * (1 - 2 / 24), 10);
    expect(days[2]!.percent).toBe(100);
    expect(days[3]!.percent).toBe(100);
    expect(days[0]!.major_minutes).toBe(120);
    expect(days[1]!.partial_minutes).toBe(240);
    // 2 h + 0.5 × 4 h lost over 3.5 days.
    expect(percent).toBeCloseTo(100 * (1 - 4 / 84), 10);
  });

  it('count overlapping spans once, today only up to now, and nothing before the component counts', () => {
    const now = FIRST + DAY + 6 * H;
    const { days, percent } = uptimeDays(
      [
        { status: 'major_outage', start: FIRST + DAY, end: now },
        { status: 'partial_outage', start: FIRST + DAY + H, end: now },
      ],
      FIRST - DAY,
      now,
      FIRST,
      0.3,
    );
    expect(days[0]!.percent).toBeNull();
    expect(days[1]!.percent).toBe(100);
    // Six hours of today, all in major outage (the partial outage under it does not count again).
    expect(days[2]!.percent).toBe(0);
    expect(percent).toBeCloseTo(100 * (24 / 30), 10);
  });
});
