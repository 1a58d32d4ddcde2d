import { HOUR, formatInstant, parseInstant } from '@hourglass/engine';
import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { explainTarget } from './explain.js';
import type { TicketClockInput } from './types.js';

const registry = await loadShippedPacks();
const at = parseInstant;
const la = (t: number) => formatInstant(t, 'America/Los_Angeles');
const created = at('2026-11-25T16:00:00-08:00'); // the Wednesday before Thanksgiving
const input: TicketClockInput = {
  pack: registry.pack('twilio').versionAt(created),
  plan: 'bootstrap',
  priority: 'P2',
  channel: 'web',
  created_at: created,
  status_history: [
    { status: 'new', at: created },
    { status: 'pending', at: at('2026-11-25T17:00:00-08:00') },
    { status: 'open', at: at('2026-11-30T07:00:00-08:00') },
  ],
  agent_activity: [],
  now: at('2026-11-30T08:00:00-08:00'),
};

describe('explainTarget', () => {
  it('shows the open segments, the closures with their reasons and the pause', () => {
    const explanation = explainTarget(input, 'first_response')!;
    expect(explanation).toMatchObject({ metric: 'first_response', kind: 'first_response', calendar: 'twilio-business-hours', zone: 'America/Los_Angeles' });
    // 1h on Wednesday, pending until Monday 07:00, then 3h: due Monday 10:00.
    expect(la(explanation.due!)).toBe('2026-11-30T10:00:00-08:00');
    expect(explanation.open.map((s) => [la(s.start), la(s.end)])).toEqual([
      ['2026-11-25T16:00:00-08:00', '2026-11-25T17:00:00-08:00'],
      ['2026-11-30T07:00:00-08:00', '2026-11-30T10:00:00-08:00'],
    ]);
    expect(explanation.open.reduce((sum, s) => sum + s.end - s.start, 0)).toBe(4 * HOUR);
    const paused = explanation.closed.filter((c) => c.reason === 'paused');
    expect(paused.map((c) => [la(c.start), la(c.end), c.name])).toEqual([
      ['2026-11-25T17:00:00-08:00', '2026-11-30T07:00:00-08:00', 'pending'],
    ]);
  });

  it('names the holidays skipped while the clock would have run', () => {
    const unpaused = { ...input, status_history: [{ status: 'new', at: created }] };
    const explanation = explainTarget(unpaused, 'first_response')!;
    expect(la(explanation.due!)).toBe('2026-11-30T08:00:00-08:00');
    const names = explanation.closed.filter((c) => c.reason === 'holiday').map((c) => c.name);
    expect(names).toEqual(['Thanksgiving Day', 'Day after Thanksgiving']);
    expect(explanation.closed.map((c) => c.reason)).toContain('weekend');
  });

  it('is null where there is no guarantee, and names the metrics for an unknown one', () => {
    expect(explainTarget({ ...input, plan: 'free' }, 'first_response')).toBeNull();
    expect(() => explainTarget(input, 'resolution')).toThrow('"resolution" is not a metric of this policy; use one of first_response.');
  });

  it('runs up to now while the clock is paused', () => {
    const explanation = explainTarget({ ...input, now: at('2026-11-27T12:00:00-08:00') }, 'first_response')!;
    expect(explanation.due).toBeNull();
    expect(explanation.closed.at(-1)).toMatchObject({ reason: 'paused', end: at('2026-11-27T12:00:00-08:00') });
  });
});
