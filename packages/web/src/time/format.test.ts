import { describe, expect, it } from 'vitest';
import { dueStatus, formatInstant, formatSpan, zoneLabel } from './format.js';

const target = (over: Partial<Parameters<typeof dueStatus>[0]>) => ({
  state: 'active' as const,
  due_at: '2026-11-30T17:00:00.000Z',
  warning_at: '2026-11-30T16:00:00.000Z',
  met_at: null,
  at_risk: false,
  none_reason: null,
  ...over,
});

describe('time for people', () => {
  it('formats instants in the given zone and names the zone', () => {
    expect(formatInstant('2026-11-26T00:30:00Z', 'America/Denver')).toBe('Wed 25 Nov, 17:30');
    expect(formatInstant('2026-11-26T00:30:00Z', 'Europe/Berlin')).toBe('Thu 26 Nov, 01:30');
    expect(zoneLabel('America/Denver', '2026-11-26T00:30:00Z')).toBe('America/Denver (MST)');
    expect(zoneLabel('America/Denver', '2026-07-01T00:00:00Z')).toBe('America/Denver (MDT)');
    expect(zoneLabel('UTC')).toBe('UTC');
  });

  it('counts down in readable steps', () => {
    expect(formatSpan(45_000)).toBe('45s');
    expect(formatSpan(12 * 60_000 + 5_000)).toBe('12m 05s');
    expect(formatSpan(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatSpan(2 * 86_400_000 + 4 * 3_600_000 + 60_000)).toBe('2d 4h 01m');
  });

  it('colours a target by where it stands', () => {
    const due = Date.parse('2026-11-30T17:00:00Z');
    expect(dueStatus(target({}), due - 2 * 3_600_000)).toEqual({ tone: 'ok', text: 'due in 2h 00m' });
    expect(dueStatus(target({}), due - 30 * 60_000).tone).toBe('warning');
    expect(dueStatus(target({}), due + 90_000)).toEqual({ tone: 'breached', text: 'overdue by 1m 30s' });
    expect(dueStatus(target({ state: 'breached', met_at: '2026-11-30T18:00:00.000Z' }), due + 5 * 3_600_000).text).toBe('met late, 1h 00m after the due time');
    expect(dueStatus(target({ state: 'none', due_at: null, none_reason: 'no_target' }), due).text).toBe('no response target on this plan');
    expect(dueStatus(target({ state: 'paused', due_at: null }), due).tone).toBe('paused');
  });
});
