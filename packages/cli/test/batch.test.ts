import { loadShippedPacks, type PolicyRegistry } from '@hourglass/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatchAnswerer, isErrorAnswer, type BatchAnswerer } from '../src/commands/sla-deadlines/batch.js';

let registry: PolicyRegistry;
let answer: BatchAnswerer;

beforeAll(async () => {
  registry = await loadShippedPacks();
  answer = createBatchAnswerer(registry);
});

function ask(line: Record<string, unknown>): unknown {
  return JSON.parse(answer(JSON.stringify(line)));
}

function target(policy: string, plan: string, priority: string, metric: string, start: string) {
  return ask({ id: 1, policy, plan, priority, metric, start });
}

describe('target lines (hand-computed)', () => {
  it.each([
    // twilio: Mon–Fri 06:00–18:00 America/Los_Angeles, US holidays
    ['twilio', 'bootstrap', 'P1', '2026-11-20T17:00:00-08:00', '2026-11-23T07:00:00-08:00'], // Fri 17:00 + 2h over the weekend
    ['twilio', 'bootstrap', 'P3', '2026-11-25T10:00:00-08:00', '2026-11-25T18:00:00-08:00'], // due exactly at closing
    ['twilio', 'bootstrap', 'P2', '2026-11-25T16:00:00-08:00', '2026-11-30T08:00:00-08:00'], // Thanksgiving and the day after
    ['twilio', 'premium', 'P1', '2026-11-26T10:00:00-08:00', '2026-11-26T11:00:00-08:00'], // P1 on 24x7, holiday or not
    ['twilio', 'personalized', 'P2', '2026-11-26T10:00:00-08:00', '2026-11-30T08:00:00-08:00'],
    ['twilio', 'bootstrap', 'P1', '2026-07-02T17:00:00-07:00', '2026-07-06T07:00:00-07:00'], // 4 July on a Saturday: observed Fri 3 July
    ['twilio', 'bootstrap', 'P1', '2027-12-30T17:00:00-08:00', '2028-01-03T07:00:00-08:00'], // 1 Jan 2028 (Sat) closes Fri 31 Dec 2027
    ['twilio', 'bootstrap', 'P1', '2026-11-21T01:00:00Z', '2026-11-23T07:00:00-08:00'], // a start in UTC is answered in the calendar's zone
    // 360dialog: standard Mon–Fri 02:00–22:00, premium Mon–Fri all day + Sat–Sun 09:00–17:00, Europe/Berlin
    ['360dialog', 'standard', 'critical', '2026-11-20T20:00:00+01:00', '2026-11-23T04:00:00+01:00'],
    ['360dialog', 'premium', 'urgent', '2026-11-21T16:00:00+01:00', '2026-11-22T10:00:00+01:00'],
    ['360dialog', 'premium', 'standard', '2026-11-20T12:00:00+01:00', '2026-11-22T13:00:00+01:00'],
    ['360dialog', 'premium', 'critical', '2026-11-21T20:00:00+01:00', '2026-11-22T09:30:00+01:00'],
  ])('%s %s %s from %s is due %s', (policy, plan, priority, start, due) => {
    expect(target(policy, plan, priority, 'first_response', start)).toEqual({ id: 1, due });
  });

  it.each([
    // exotel: enterprise 24x7, sme every day 08:00–22:00 Asia/Kolkata
    ['enterprise', 'sev1', 'response', '2026-11-20T23:30:00+05:30', '2026-11-21T01:30:00+05:30'],
    ['enterprise', 'sev4', 'acknowledgment', '2026-11-20T23:50:00+05:30', '2026-11-21T00:20:00+05:30'],
    ['sme', 'sev3', 'response', '2026-11-20T10:00:00+05:30', '2026-11-21T20:00:00+05:30'],
    ['smb', 'sev1', 'acknowledgment', '2026-11-20T21:50:00+05:30', '2026-11-21T08:20:00+05:30'], // alias of sme
    ['sme', 'sev2', 'response', '2026-11-20T06:00:00+05:30', '2026-11-20T13:00:00+05:30'], // time before opening does not count
  ])('exotel %s %s %s from %s is due %s', (plan, priority, metric, start, due) => {
    expect(target('exotel', plan, priority, metric, start)).toEqual({ id: 1, due });
  });

  it('answers null where the plan has no target', () => {
    for (const priority of ['P1', 'P2', 'P3']) {
      expect(target('twilio', 'free', priority, 'first_response', '2026-11-20T17:00:00-08:00')).toEqual({ id: 1, due: null });
    }
  });
});

describe('calendar lines', () => {
  it('adds business hours, fractions included', () => {
    expect(ask({ id: 2, calendar: 'twilio-business-hours', business_hours: 2.5, start: '2026-11-20T17:00:00-08:00' })).toEqual({ id: 2, due: '2026-11-23T07:30:00-08:00' });
    expect(ask({ id: 2, calendar: 'exotel-sme', business_hours: 0.25, start: '2026-11-20T21:50:00+05:30' })).toEqual({ id: 2, due: '2026-11-21T08:05:00+05:30' });
  });

  it('adds business days keeping the wall time, across holidays and DST', () => {
    expect(ask({ id: 3, calendar: 'twilio-business-hours', business_days: 2, start: '2026-11-25T10:00:00-08:00' })).toEqual({ id: 3, due: '2026-12-01T10:00:00-08:00' });
    expect(ask({ id: 3, calendar: 'twilio-business-hours', business_days: 1, start: '2026-03-06T10:00:00-08:00' })).toEqual({ id: 3, due: '2026-03-09T10:00:00-07:00' });
    expect(ask({ id: 3, calendar: 'twilio-business-hours', business_days: 0, start: '2026-11-21T10:00:00-08:00' })).toEqual({ id: 3, due: '2026-11-23T06:00:00-08:00' });
  });

  it('finds a calendar in any pack, and narrows by policy', () => {
    expect(ask({ id: 4, calendar: '360dialog-standard', business_hours: 1, start: '2026-11-20T21:30:00+01:00' })).toEqual({ id: 4, due: '2026-11-23T02:30:00+01:00' });
    expect(ask({ id: 4, policy: 'twilio', calendar: '24x7', business_hours: 1, start: '2026-11-20T17:00:00-08:00' })).toEqual({ id: 4, due: '2026-11-20T18:00:00-08:00' });
    expect(ask({ id: 4, policy: 'exotel', calendar: '24x7', business_hours: 1, start: '2026-11-20T17:00:00-08:00' })).toEqual({ id: 4, due: '2026-11-21T07:30:00+05:30' });
  });

  it('answers a calendar that several packs define as always open, in UTC', () => {
    expect(ask({ id: 5, calendar: '24x7', business_hours: 1, start: '2026-11-20T17:00:00-08:00' })).toEqual({ id: 5, due: '2026-11-21T02:00:00Z' });
  });
});

describe('ids', () => {
  it.each([[0], [-12.5], [1e21], ['x'], [''], ['ünïcode "quoted"'], [null], [true], [false], [[1, 'a', null]], [{ nested: { deep: [1] } }]])('copies %j as it is', (id) => {
    const line = { id, calendar: 'twilio-business-hours', business_hours: 1, start: '2026-11-20T17:00:00-08:00' };
    expect(ask(line)).toEqual({ id, due: '2026-11-20T18:00:00-08:00' });
    expect(ask({ ...line, business_hours: -1 })).toMatchObject({ id });
  });

  it('answers a line without an id with "id": null', () => {
    expect(answer('{"calendar":"24x7","policy":"twilio","business_hours":1,"start":"2026-11-20T17:00:00-08:00"}')).toBe('{"id":null,"due":"2026-11-20T18:00:00-08:00"}');
  });
});

describe('lines that cannot be answered', () => {
  const start = '2026-11-20T17:00:00-08:00';
  const good = { id: 9, policy: 'twilio', plan: 'bootstrap', priority: 'P1', metric: 'first_response', start };

  it.each([
    ['an unknown pack', { ...good, policy: 'acme' }, /unknown policy "acme".*twilio/],
    ['an unknown plan', { ...good, plan: 'gold' }, /unknown plan "gold".*bootstrap/],
    ['an unknown priority', { ...good, priority: 'P9' }, /unknown priority "P9".*P1, P2, P3/],
    ['an unknown metric', { ...good, metric: 'resolution' }, /unknown metric "resolution".*first_response/],
    ['a missing field', { ...good, plan: undefined }, /missing "plan"/],
    ['a missing metric', { ...good, metric: undefined }, /missing "metric"/],
    ['a field of the wrong type', { ...good, priority: 1 }, /"priority" must be a non-empty string/],
    ['a bad instant', { ...good, start: '2026-11-20 17:00' }, /"start"/],
    ['an instant without offset', { ...good, start: '2026-11-20T17:00:00' }, /"start"/],
    ['a start before any version', { ...good, start: '2019-06-01T00:00:00Z' }, /no version in force/],
    ['an unknown calendar', { id: 9, calendar: 'mars', business_hours: 1, start }, /unknown calendar "mars".*twilio-business-hours/],
    ['a calendar unknown to the named pack', { id: 9, policy: 'exotel', calendar: 'twilio-business-hours', business_hours: 1, start }, /unknown calendar/],
    ['negative hours', { id: 9, calendar: '24x7', business_hours: -2, start }, /zero or more/],
    ['non-numeric hours', { id: 9, calendar: '24x7', business_hours: '2h', start }, /must be a number/],
    ['fractional days', { id: 9, calendar: '24x7', business_days: 1.5, start }, /whole number/],
    ['both hours and days', { id: 9, calendar: '24x7', business_hours: 1, business_days: 1, start }, /either/],
    ['neither hours nor days', { id: 9, calendar: '24x7', start }, /missing "business_hours" or "business_days"/],
    ['hours without a calendar', { id: 9, business_hours: 1, start }, /missing "calendar"/],
    ['a calendar line with a plan', { id: 9, calendar: '24x7', business_hours: 1, plan: 'bootstrap', start }, /"plan" belongs to a target line/],
  ])('%s', (_what, line, message) => {
    const reply = ask(line) as { id: unknown; error: string };
    expect(Object.keys(reply)).toEqual(['id', 'error']);
    expect(reply.id).toBe(9);
    expect(reply.error).toMatch(message);
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated JSON', '{"id":1,"policy":"twilio"', /not valid JSON/],
    ['a JSON array', '[1,2]', /must be a JSON object/],
    ['a JSON string', '"x"', /must be a JSON object/],
    ['JSON null', 'null', /must be a JSON object/],
  ])('%s gives an error with "id": null', (_what, line, message) => {
    const reply = JSON.parse(answer(line)) as { id: unknown; error: string };
    expect(reply.id).toBeNull();
    expect(reply.error).toMatch(message);
  });

  it('keeps answering after errors, and remembers failed lookups', () => {
    for (let i = 0; i < 3; i++) expect(ask({ ...good, plan: 'gold' })).toMatchObject({ error: expect.stringMatching(/gold/) });
    expect(ask(good)).toEqual({ id: 9, due: '2026-11-23T07:00:00-08:00' });
  });

  it('ignores fields it does not know', () => {
    expect(ask({ ...good, note: 'carried along' })).toEqual({ id: 9, due: '2026-11-23T07:00:00-08:00' });
  });
});

describe('blank lines and answers', () => {
  it('answers a blank line with nothing', () => {
    expect(answer('')).toBe('');
    expect(answer('   \t')).toBe('');
  });

  it('tells error answers from due answers, whatever the id holds', () => {
    expect(isErrorAnswer(answer('{"id":",\\"error\\":","calendar":"24x7","policy":"twilio","business_hours":1,"start":"2026-11-20T17:00:00Z"}'))).toBe(false);
    expect(isErrorAnswer(answer('{"id":",\\"due\\":","calendar":"mars","business_hours":1,"start":"2026-11-20T17:00:00Z"}'))).toBe(true);
  });
});
