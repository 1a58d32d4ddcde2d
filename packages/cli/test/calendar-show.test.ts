import { describe, expect, it } from 'vitest';
import { run } from './support/run.js';

describe('hourglass calendar show', () => {
  it('lists a week of open periods with weekday names and the holidays in it', async () => {
    const r = await run(['calendar', 'show', 'twilio-business-hours', '--from', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^twilio-business-hours \(twilio version 2025-04\): America\/Los_Angeles; Mon–Fri 06:00–18:00/);
    expect(r.out).toContain('Mon 2026-11-23 06:00 → 18:00 -08:00   12h');
    expect(r.out).toContain('Wed 2026-11-25 06:00 → 18:00 -08:00   12h');
    expect(r.out).not.toContain('Thu 2026-11-26 06:00');
    expect(r.out).toContain('Thu 2026-11-26   Thanksgiving Day');
    expect(r.out).toContain('Fri 2026-11-27   Day after Thanksgiving');
  });

  it('counts the next N open periods from an instant, the one in progress clipped', async () => {
    const r = await run(['calendar', 'show', '360dialog-premium', '--from', '2026-11-20T12:00:00+01:00', '--count', '3', '--json']);
    const json = JSON.parse(r.out);
    expect(json.open_periods).toEqual([
      { start: '2026-11-20T12:00:00+01:00', end: '2026-11-21T00:00:00+01:00', weekday: 'Fri', duration_ms: 12 * 3_600_000 },
      { start: '2026-11-21T09:00:00+01:00', end: '2026-11-21T17:00:00+01:00', weekday: 'Sat', duration_ms: 8 * 3_600_000 },
      { start: '2026-11-22T09:00:00+01:00', end: '2026-11-22T17:00:00+01:00', weekday: 'Sun', duration_ms: 8 * 3_600_000 },
    ]);
    expect(json).toMatchObject({ calendar: '360dialog-premium', zone: 'Europe/Berlin', policy: '360dialog', pack_version: '2020-01' });
  });

  it('reads a date in the calendar zone and shows observed holidays', async () => {
    const r = await run(['calendar', 'show', 'twilio-business-hours', '--from', '2027-12-27', '--days', '7', '--json']);
    const json = JSON.parse(r.out);
    expect(json.from).toBe('2027-12-27T00:00:00-08:00');
    expect(json.to).toBe('2028-01-03T00:00:00-08:00');
    expect(json.closures).toEqual([{ date: '2027-12-31', kind: 'holiday', name: "New Year's Day", weekday: 'Fri' }]);
    expect(json.open_periods.map((p: { weekday: string }) => p.weekday)).toEqual(['Mon', 'Tue', 'Wed', 'Thu']);
  });

  it('follows DST in the zone', async () => {
    const r = await run(['calendar', 'show', 'twilio-business-hours', '--from', '2026-03-06', '--days', '4', '--json']);
    const starts = JSON.parse(r.out).open_periods.map((p: { start: string }) => p.start);
    expect(starts).toEqual(['2026-03-06T06:00:00-08:00', '2026-03-09T06:00:00-07:00']);
  });

  it('says an always-open calendar is always open', async () => {
    const r = await run(['calendar', 'show', '24x7', '--policy', 'twilio']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Always open');
  });

  it.each([
    [[], 2, /name the calendar/],
    [['a', 'b'], 2, /one calendar at a time/],
    [['mars'], 1, /unknown calendar "mars"; known calendars: 24x7, 360dialog-premium/],
    [['exotel-sme', '--policy', 'twilio'], 1, /unknown calendar "exotel-sme" in twilio/],
    [['exotel-sme', '--days', '0'], 2, /--days must be from 1 to/],
    [['exotel-sme', '--days', '2', '--count', '2'], 2, /either --days or --count/],
    [['exotel-sme', '--from', 'soon'], 2, /--from takes an ISO 8601 instant/],
    [['exotel-sme', '--from', '2026-02-30'], 2, /not a date/],
  ])('%j exits %i with a plain message', async (args, code, message) => {
    const r = await run(['calendar', 'show', ...args]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });
});
