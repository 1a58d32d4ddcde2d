import { formatInstant, parseInstant } from '@hourglass/engine';
import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { pendingTimers } from './lifecycle.js';

const registry = await loadShippedPacks();
const twilio = registry.pack('twilio').latest;
const rules = twilio.lifecycle!;
const calendar = twilio.calendar(rules.calendar);
const la = (t: number) => formatInstant(t, 'America/Los_Angeles');

describe('pendingTimers (twilio: reminder after 5 business days, solved after 10)', () => {
  it('skips Thanksgiving, the day after and the weekends, keeping the wall time', () => {
    const timers = pendingTimers(parseInstant('2026-11-25T10:00:00-08:00'), rules, calendar);
    expect(la(timers.remind_at)).toBe('2026-12-04T10:00:00-08:00');
    expect(la(timers.auto_solve_at)).toBe('2026-12-11T10:00:00-08:00');
  });

  it('pending on a Saturday counts from Monday’s opening', () => {
    const timers = pendingTimers(parseInstant('2026-11-21T15:00:00-08:00'), rules, calendar);
    expect(la(timers.remind_at)).toBe('2026-12-02T06:00:00-08:00');
  });
});
