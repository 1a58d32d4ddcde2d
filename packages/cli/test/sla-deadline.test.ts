import { describe, expect, it } from 'vitest';
import { run } from './support/run.js';

const FRIDAY_5PM = '2026-11-20T17:00:00-08:00';

describe('hourglass sla deadline: plan targets', () => {
  it('prints the due time in the calendar zone and in UTC, the target, the calendar and the pack version', async () => {
    const r = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'bootstrap', '--priority', 'P1', '--metric', 'first_response', '--start', FRIDAY_5PM]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('2026-11-23T07:00:00-08:00');
    expect(r.out).toContain('Mon 2026-11-23 07:00 -08:00 America/Los_Angeles');
    expect(r.out).toContain('2026-11-23T15:00:00Z');
    expect(r.out).toMatch(/Target:\s+2h first_response for P1 \(Business Critical\) on plan bootstrap/);
    expect(r.out).toMatch(/Calendar:\s+twilio-business-hours \(America\/Los_Angeles; Mon–Fri 06:00–18:00/);
    expect(r.out).toMatch(/Policy:\s+twilio version 2025-04, in force from 2025-04-01T00:00:00-07:00/);
  });

  it('uses the pack version in force at the start, or the one asked for', async () => {
    const old = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'bootstrap', '--priority', 'P1', '--start', '2024-06-03T09:00:00-07:00', '--json']);
    expect(JSON.parse(old.out)).toMatchObject({ pack_version: '2020-01' });
    const asked = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'bootstrap', '--priority', 'P1', '--start', FRIDAY_5PM, '--pack-version', '2020-01', '--json']);
    expect(JSON.parse(asked.out)).toMatchObject({ pack_version: '2020-01' });
  });

  it('explains the open segments and the closed periods with their reasons', async () => {
    const r = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'bootstrap', '--priority', 'P2', '--start', '2026-11-25T16:00:00-08:00', '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Open time counted (4h):');
    expect(r.out).toContain('Wed 2026-11-25 16:00 → 18:00 -08:00   2h');
    expect(r.out).toContain('Mon 2026-11-30 06:00 → 08:00 -08:00   2h');
    expect(r.out).toMatch(/Thu 2026-11-26 00:00 → Fri 2026-11-27 00:00 -08:00\s+holiday: Thanksgiving Day/);
    expect(r.out).toMatch(/holiday: Day after Thanksgiving/);
    expect(r.out).toMatch(/\s+weekend/);
    expect(r.out).toMatch(/\s+night/);
  });

  it('prints JSON with the explanation', async () => {
    const r = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'bootstrap', '--priority', 'P1', '--start', FRIDAY_5PM, '--json', '--explain']);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      policy: 'twilio',
      pack_version: '2025-04',
      plan: 'bootstrap',
      priority: 'P1',
      metric: 'first_response',
      start: FRIDAY_5PM,
      due: '2026-11-23T07:00:00-08:00',
      due_utc: '2026-11-23T15:00:00Z',
      target: { duration: '2h', duration_ms: 7_200_000, calendar: 'twilio-business-hours', zone: 'America/Los_Angeles' },
    });
    expect(json.explanation.open).toEqual([
      { start: FRIDAY_5PM, end: '2026-11-20T18:00:00-08:00', duration_ms: 3_600_000 },
      { start: '2026-11-23T06:00:00-08:00', end: '2026-11-23T07:00:00-08:00', duration_ms: 3_600_000 },
    ]);
    expect(json.explanation.closed.map((c: { reason: string }) => c.reason)).toContain('weekend');
  });

  it('resolves plan aliases and defaults the priority and the only metric', async () => {
    const r = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'bootstrap', '--start', FRIDAY_5PM, '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ priority: 'P3', metric: 'first_response', due: '2026-11-23T13:00:00-08:00' });
    const alias = await run(['sla', 'deadline', '--policy', 'exotel', '--plan', 'smb', '--priority', 'sev2', '--metric', 'response', '--start', '2026-11-20T21:00:00+05:30', '--json']);
    expect(JSON.parse(alias.out)).toMatchObject({ plan: 'sme', due: '2026-11-21T12:00:00+05:30' });
  });

  it('names the metrics when the pack has several and none was asked for', async () => {
    const r = await run(['sla', 'deadline', '--policy', 'exotel', '--plan', 'sme', '--priority', 'sev1', '--start', FRIDAY_5PM]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--metric is required.*acknowledgment, response/);
  });

  it('says so when the plan has no target', async () => {
    const r = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'free', '--priority', 'P1', '--start', FRIDAY_5PM]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No target: plan free of twilio guarantees no first_response time for P1/);
    const json = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'free', '--priority', 'P1', '--start', FRIDAY_5PM, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ due: null, due_utc: null, target: null });
  });

  it('defaults the start to now', async () => {
    const r = await run(['sla', 'deadline', '--policy', 'twilio', '--plan', 'premium', '--priority', 'P1', '--json'], { now: Date.parse('2026-11-20T12:00:00Z') });
    expect(JSON.parse(r.out)).toMatchObject({ start: '2026-11-20T04:00:00-08:00', due: '2026-11-20T05:00:00-08:00' });
  });
});

describe('hourglass sla deadline: calendars', () => {
  it('adds business hours, fractions and durations', async () => {
    const hours = await run(['sla', 'deadline', '--calendar', 'twilio-business-hours', '--business-hours', '2.5', '--start', FRIDAY_5PM, '--json']);
    expect(JSON.parse(hours.out)).toMatchObject({ calendar: 'twilio-business-hours', policy: 'twilio', business_hours: 2.5, due: '2026-11-23T07:30:00-08:00' });
    const duration = await run(['sla', 'deadline', '--calendar', 'twilio-business-hours', '--business-hours', '1h30m', '--start', FRIDAY_5PM, '--json']);
    expect(JSON.parse(duration.out)).toMatchObject({ due: '2026-11-23T06:30:00-08:00' });
  });

  it('adds business days and explains them', async () => {
    const r = await run(['sla', 'deadline', '--calendar', 'twilio-business-hours', '--business-days', '2', '--start', '2026-11-25T19:00:00-08:00', '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2026-12-01T19:00:00-08:00');
    expect(r.out).toMatch(/Added:\s+2 business days/);
    expect(r.out).toMatch(/holiday: Thanksgiving Day/);
    expect(r.out).toMatch(/Tue 2026-12-01 18:00 → 19:00 -08:00\s+night/);
  });

  it('narrows the calendar to a pack with --policy', async () => {
    const r = await run(['sla', 'deadline', '--calendar', '24x7', '--policy', 'exotel', '--business-hours', '1', '--start', FRIDAY_5PM, '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ policy: 'exotel', zone: 'Asia/Kolkata', due: '2026-11-21T07:30:00+05:30' });
  });
});

describe('hourglass sla deadline: mistakes', () => {
  it.each([
    [['--plan', 'bootstrap'], 2, /--policy is required/],
    [[], 2, /say what to compute/],
    [['--policy', 'acme', '--plan', 'x'], 1, /unknown policy "acme"; known policies: .*twilio/],
    [['--policy', 'twilio', '--plan', 'gold'], 1, /unknown plan "gold".*free, bootstrap, premium, personalized/],
    [['--policy', 'twilio', '--plan', 'bootstrap', '--priority', 'P0'], 1, /unknown priority "P0".*P1, P2, P3/],
    [['--policy', 'twilio', '--plan', 'bootstrap', '--metric', 'resolution'], 1, /unknown metric "resolution"/],
    [['--policy', 'twilio', '--plan', 'bootstrap', '--start', 'tomorrow'], 2, /--start: "tomorrow" is not a valid instant/],
    [['--policy', 'twilio', '--plan', 'bootstrap', '--start', '2010-01-01T00:00:00Z'], 1, /no version in force/],
    [['--policy', 'twilio', '--plan', 'bootstrap', '--pack-version', '1999'], 1, /no version "1999".*2020-01, 2025-04/],
    [['--calendar', 'mars', '--business-hours', '1'], 1, /unknown calendar "mars"; known calendars: .*twilio-business-hours/],
    [['--calendar', '24x7'], 2, /--business-hours H or --business-days N/],
    [['--calendar', '24x7', '--business-hours', '1', '--business-days', '1'], 2, /either --business-hours or --business-days/],
    [['--calendar', '24x7', '--business-hours=-1'], 2, /zero or more/],
    [['--calendar', '24x7', '--business-hours', '-1'], 2, /--business-hours needs a value \(write --business-hours=VALUE/],
    [['--calendar', '24x7', '--business-hours', 'lots'], 2, /--business-hours takes a number of hours/],
    [['--calendar', '24x7', '--business-days', '1.5'], 2, /whole number/],
    [['--calendar', '24x7', '--business-hours', '1', '--plan', 'bootstrap'], 2, /--plan goes with --policy and --plan/],
    [['--policy', 'twilio', '--plan', 'bootstrap', '--colour'], 2, /unknown flag --colour/],
    [['--policy'], 2, /--policy needs a value/],
    [['--policy', 'twilio', '--plan', 'bootstrap', 'extra'], 2, /unexpected argument "extra"/],
  ])('%j exits %i with a plain message', async (args, code, message) => {
    const r = await run(['sla', 'deadline', ...args]);
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: /);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('prints its help', async () => {
    const r = await run(['sla', 'deadline', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^hourglass sla deadline: /);
    expect(r.out).toContain('--explain');
  });
});
