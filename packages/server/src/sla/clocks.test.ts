import { HOUR, MINUTE, formatInstant, parseInstant } from '@hourglass/engine';
import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { computeTargets, nextDeadline } from './clocks.js';
import type { AgentActivity, StatusChange, TargetView, TicketClockInput } from './types.js';

// The shipped packs, with instants around their closings, weekends and holidays.
// Nov 2026: Fri 20, Mon 23, Wed 25, Thanksgiving Thu 26 and the day after Fri 27 (twilio, PST -08:00).
const registry = await loadShippedPacks();
const at = parseInstant;
const version = (pack: string, instant: number) => registry.pack(pack).versionAt(instant);
const la = (t: number | null) => (t === null ? null : formatInstant(t, 'America/Los_Angeles'));
const berlin = (t: number | null) => (t === null ? null : formatInstant(t, 'Europe/Berlin'));
const kolkata = (t: number | null) => (t === null ? null : formatInstant(t, 'Asia/Kolkata'));

function ticket(
  pack: string,
  fields: Partial<TicketClockInput> & { plan: string; priority: string; created_at: number; now: number },
): TicketClockInput {
  return {
    pack: version(pack, fields.created_at),
    channel: 'web',
    status_history: [{ status: 'new', at: fields.created_at }],
    agent_activity: [],
    ...fields,
  };
}
const reply = (iso: string): AgentActivity => ({ kind: 'public_reply', at: at(iso) });
const note = (iso: string): AgentActivity => ({ kind: 'internal_note', at: at(iso) });
const status = (s: string, iso: string): StatusChange => ({ status: s, at: at(iso) });
const only = (targets: TargetView[]) => {
  expect(targets).toHaveLength(1);
  return targets[0]!;
};
const byMetric = (targets: TargetView[]) => Object.fromEntries(targets.map((t) => [t.metric, t]));

describe('twilio bootstrap P2 opened Friday 16:30 PT', () => {
  const created = at('2026-11-20T16:30:00-08:00');
  const base = { plan: 'bootstrap', priority: 'P2', created_at: created };

  it('is due Monday 08:30 (1.5h on Friday, 2.5h on Monday), warned at 75% on Monday 07:30', () => {
    const view = only(computeTargets(ticket('twilio', { ...base, now: at('2026-11-20T17:00:00-08:00') })));
    expect(view).toMatchObject({ metric: 'first_response', kind: 'first_response', state: 'active', calendar_id: 'twilio-business-hours' });
    expect(la(view.due_at)).toBe('2026-11-23T08:30:00-08:00');
    expect(la(view.warning_at)).toBe('2026-11-23T07:30:00-08:00');
    expect(view.time_left_ms).toBe(3.5 * HOUR);
    expect(view.at_risk).toBe(false);
    expect(la(nextDeadline([view]))).toBe('2026-11-23T07:30:00-08:00');
  });

  it('does not count the weekend: Sunday noon still has 2.5h left', () => {
    const view = only(computeTargets(ticket('twilio', { ...base, now: at('2026-11-22T12:00:00-08:00') })));
    expect(view.time_left_ms).toBe(2.5 * HOUR);
  });

  it('is at risk after the warning point, and breached after 08:30 without a public reply', () => {
    const risky = only(computeTargets(ticket('twilio', { ...base, now: at('2026-11-23T08:00:00-08:00') })));
    expect(risky).toMatchObject({ state: 'active', at_risk: true, time_left_ms: 30 * MINUTE });
    expect(la(nextDeadline([risky]))).toBe('2026-11-23T08:30:00-08:00');
    const late = only(
      computeTargets(ticket('twilio', { ...base, agent_activity: [note('2026-11-23T07:00:00-08:00')], now: at('2026-11-23T09:00:00-08:00') })),
    );
    expect(late).toMatchObject({ state: 'breached', overdue_ms: 30 * MINUTE, met_at: null });
    expect(la(late.breached_at)).toBe('2026-11-23T08:30:00-08:00');
    expect(nextDeadline([late])).toBeNull();
  });

  it('a public reply before the due time meets it; one after it is a breach that keeps its reply time', () => {
    const met = only(
      computeTargets(ticket('twilio', { ...base, agent_activity: [reply('2026-11-23T08:29:00-08:00')], now: at('2026-11-24T12:00:00-08:00') })),
    );
    expect(met).toMatchObject({ state: 'met', met_at: at('2026-11-23T08:29:00-08:00'), breached_at: null });
    const late = only(
      computeTargets(ticket('twilio', { ...base, agent_activity: [reply('2026-11-23T08:40:00-08:00')], now: at('2026-11-24T12:00:00-08:00') })),
    );
    expect(late).toMatchObject({ state: 'breached', met_at: at('2026-11-23T08:40:00-08:00'), overdue_ms: 10 * MINUTE });
  });

  describe('pending from Monday 07:00 to Tuesday 07:00', () => {
    const history = [
      status('new', '2026-11-20T16:30:00-08:00'),
      status('pending', '2026-11-23T07:00:00-08:00'),
      status('open', '2026-11-24T07:00:00-08:00'),
    ];

    it('is paused meanwhile, with 1.5h left and no due time', () => {
      const view = only(computeTargets(ticket('twilio', { ...base, status_history: history, now: at('2026-11-23T12:00:00-08:00') })));
      expect(view).toMatchObject({ state: 'paused', due_at: null, time_left_ms: 1.5 * HOUR, paused_ms: 5 * HOUR });
      expect(nextDeadline([view])).toBeNull();
    });

    it('pushes the due time by the 12 business hours it held the clock: Tuesday 08:30', () => {
      const view = only(computeTargets(ticket('twilio', { ...base, status_history: history, now: at('2026-11-24T07:30:00-08:00') })));
      expect(view).toMatchObject({ state: 'active', time_left_ms: HOUR, paused_ms: 24 * HOUR });
      expect(la(view.due_at)).toBe('2026-11-24T08:30:00-08:00');
      const calendar = version('twilio', created).calendar('twilio-business-hours');
      expect(calendar.businessTimeBetween(at('2026-11-23T08:30:00-08:00'), view.due_at!)).toBe(12 * HOUR);
    });
  });
});

describe('twilio reclassification is recomputed from the original start', () => {
  const created = at('2026-11-20T16:30:00-08:00');

  it('bootstrap P3 (8h) due Monday 12:30 becomes P1 (2h) due Monday 06:30: breached when reclassified at 07:00', () => {
    const p3 = only(computeTargets(ticket('twilio', { plan: 'bootstrap', priority: 'P3', created_at: created, now: at('2026-11-23T07:00:00-08:00') })));
    expect(la(p3.due_at)).toBe('2026-11-23T12:30:00-08:00');
    const p1 = only(computeTargets(ticket('twilio', { plan: 'bootstrap', priority: 'P1', created_at: created, now: at('2026-11-23T07:00:00-08:00') })));
    expect(p1).toMatchObject({ state: 'breached', started_at: created, overdue_ms: 30 * MINUTE });
    expect(la(p1.due_at)).toBe('2026-11-23T06:30:00-08:00');
  });

  it('premium P3 → P1 moves to the 24x7 calendar: due one hour after the original start', () => {
    const start = at('2026-11-21T23:30:00-08:00'); // Saturday
    const p3 = only(computeTargets(ticket('twilio', { plan: 'premium', priority: 'P3', created_at: start, now: start })));
    expect(la(p3.due_at)).toBe('2026-11-23T09:00:00-08:00');
    const p1 = only(computeTargets(ticket('twilio', { plan: 'premium', priority: 'P1', created_at: start, now: start + 10 * MINUTE })));
    expect(p1.calendar_id).toBe('24x7');
    expect(la(p1.due_at)).toBe('2026-11-22T00:30:00-08:00');
  });
});

describe('twilio holidays', () => {
  it('bootstrap P2 opened the Wednesday before Thanksgiving at 16:00 is due Monday 08:00', () => {
    const created = at('2026-11-25T16:00:00-08:00');
    const view = only(computeTargets(ticket('twilio', { plan: 'bootstrap', priority: 'P2', created_at: created, now: created })));
    expect(la(view.due_at)).toBe('2026-11-30T08:00:00-08:00');
  });

  it('New Year’s Day 2028, a Saturday, closes Friday 31 December 2027', () => {
    const created = at('2027-12-30T17:00:00-08:00');
    const view = only(computeTargets(ticket('twilio', { plan: 'bootstrap', priority: 'P1', created_at: created, now: created })));
    expect(la(view.due_at)).toBe('2028-01-03T07:00:00-08:00');
  });
});

describe('targets without a guarantee', () => {
  const created = at('2026-11-23T09:00:00-08:00');

  it('twilio free carries none', () => {
    const view = only(computeTargets(ticket('twilio', { plan: 'free', priority: 'P1', created_at: created, now: created })));
    expect(view).toMatchObject({ state: 'none', none_reason: 'no_target', due_at: null, time_left_ms: null });
  });

  it('the chat channel carries none', () => {
    const view = only(
      computeTargets(ticket('twilio', { plan: 'personalized', priority: 'P1', channel: 'chat', created_at: created, now: created })),
    );
    expect(view).toMatchObject({ state: 'none', none_reason: 'channel_without_sla', calendar_id: '24x7', due_at: null });
    expect(nextDeadline([view])).toBeNull();
  });
});

describe('solving stops the clocks', () => {
  it('a ticket solved before its due time without a reply is paused with its time left, and breaches no more', () => {
    const created = at('2026-11-23T09:00:00-08:00');
    const view = only(
      computeTargets(
        ticket('twilio', {
          plan: 'bootstrap',
          priority: 'P1',
          created_at: created,
          status_history: [status('new', '2026-11-23T09:00:00-08:00'), status('solved', '2026-11-23T09:30:00-08:00')],
          now: at('2026-11-24T09:00:00-08:00'),
        }),
      ),
    );
    expect(view).toMatchObject({ state: 'paused', time_left_ms: 90 * MINUTE, due_at: null });
  });
});

describe('360dialog: the clock starts when the intake is complete', () => {
  // Standard support: Mon–Fri 02:00–22:00 Berlin (CET +01:00); critical 4h.
  const created = at('2026-11-20T20:00:00+01:00');
  const base = { plan: 'standard', priority: 'critical', created_at: created };

  it('carries no guarantee while the intake is incomplete', () => {
    const view = only(computeTargets(ticket('360dialog', { ...base, intake_completed_at: null, now: at('2026-11-20T20:30:00+01:00') })));
    expect(view).toMatchObject({ state: 'none', none_reason: 'intake_incomplete', calendar_id: '360dialog-standard' });
  });

  it('completed Friday 21:00, it runs 1h on Friday and 3h from Monday 02:00: due Monday 05:00', () => {
    const view = only(
      computeTargets(
        ticket('360dialog', { ...base, intake_completed_at: at('2026-11-20T21:00:00+01:00'), now: at('2026-11-21T10:00:00+01:00') }),
      ),
    );
    expect(view).toMatchObject({ state: 'active', started_at: at('2026-11-20T21:00:00+01:00'), time_left_ms: 3 * HOUR });
    expect(berlin(view.due_at)).toBe('2026-11-23T05:00:00+01:00');
  });

  it('premium critical (30min) opened Saturday 16:45 is due Sunday 09:15', () => {
    const start = at('2026-11-21T16:45:00+01:00');
    const view = only(
      computeTargets(ticket('360dialog', { plan: 'premium', priority: 'critical', created_at: start, intake_completed_at: start, now: start })),
    );
    expect(berlin(view.due_at)).toBe('2026-11-22T09:15:00+01:00');
  });
});

describe('exotel: acknowledgment and response', () => {
  it('enterprise: acknowledgment 30min and sev1 response 2h, around the clock', () => {
    const created = at('2026-11-22T02:00:00+05:30'); // Sunday night
    const input = ticket('exotel', { plan: 'enterprise', priority: 'sev1', created_at: created, now: at('2026-11-22T02:20:00+05:30') });
    const open = byMetric(computeTargets(input));
    expect(open.acknowledgment).toMatchObject({ kind: 'acknowledgment', state: 'active', calendar_id: '24x7' });
    expect(kolkata(open.acknowledgment!.due_at)).toBe('2026-11-22T02:30:00+05:30');
    expect(open.response).toMatchObject({ kind: 'first_response', state: 'active' });
    expect(kolkata(open.response!.due_at)).toBe('2026-11-22T04:00:00+05:30');
    expect(kolkata(nextDeadline(Object.values(open)))).toBe('2026-11-22T02:22:30+05:30'); // 75% of 30min

    const worked = byMetric(
      computeTargets({ ...input, agent_activity: [note('2026-11-22T02:10:00+05:30')], now: at('2026-11-22T05:00:00+05:30') }),
    );
    expect(worked.acknowledgment).toMatchObject({ state: 'met', met_at: at('2026-11-22T02:10:00+05:30') });
    expect(worked.response).toMatchObject({ state: 'breached', overdue_ms: HOUR });
  });

  it('smb is the sme plan: every day 08:00–22:00 India', () => {
    const created = at('2026-11-22T21:45:00+05:30');
    const targets = byMetric(computeTargets(ticket('exotel', { plan: 'smb', priority: 'sev2', created_at: created, now: created })));
    expect(kolkata(targets.acknowledgment!.due_at)).toBe('2026-11-23T08:15:00+05:30');
    expect(kolkata(targets.response!.due_at)).toBe('2026-11-23T12:45:00+05:30');
  });

  it('a chat ticket (the dashboard widget or WhatsApp) carries the targets: sme sev1 at 21:45 IST', () => {
    const created = at('2026-11-21T21:45:00+05:30'); // Saturday, 15 minutes before the close
    const input = ticket('exotel', { plan: 'sme', priority: 'sev1', channel: 'chat', created_at: created, now: created });
    const targets = byMetric(computeTargets(input));
    expect(targets.acknowledgment).toMatchObject({ state: 'active', calendar_id: 'exotel-sme' });
    expect(kolkata(targets.acknowledgment!.due_at)).toBe('2026-11-22T08:15:00+05:30');
    expect(targets.response).toMatchObject({ state: 'active' });
    expect(kolkata(targets.response!.due_at)).toBe('2026-11-22T09:45:00+05:30');
    expect(targets.next_update).toMatchObject({ state: 'none', none_reason: 'awaiting_first_response' });
  });

  it('further updates within Table B’s time frame, counted from each public update', () => {
    const created = at('2026-11-23T10:00:00+05:30');
    const base = { plan: 'enterprise', priority: 'sev2', channel: 'chat', created_at: created };
    const first = byMetric(computeTargets(ticket('exotel', { ...base, agent_activity: [reply('2026-11-23T10:20:00+05:30')], now: at('2026-11-23T11:00:00+05:30') })));
    expect(first.response).toMatchObject({ state: 'met' });
    expect(first.next_update).toMatchObject({ state: 'active', calendar_id: '24x7' });
    expect(kolkata(first.next_update!.due_at)).toBe('2026-11-23T15:20:00+05:30');
    const second = byMetric(
      computeTargets(
        ticket('exotel', {
          ...base,
          agent_activity: [reply('2026-11-23T10:20:00+05:30'), reply('2026-11-23T15:00:00+05:30')],
          now: at('2026-11-23T16:00:00+05:30'),
        }),
      ),
    );
    expect(second.next_update).toMatchObject({ state: 'active', breached_at: null });
    expect(kolkata(second.next_update!.due_at)).toBe('2026-11-23T20:00:00+05:30');
  });

  it('pending pauses the response clock but not the acknowledgment clock', () => {
    const created = at('2026-11-22T10:00:00+05:30');
    const targets = byMetric(
      computeTargets(
        ticket('exotel', {
          plan: 'enterprise',
          priority: 'sev2',
          created_at: created,
          status_history: [status('new', '2026-11-22T10:00:00+05:30'), status('pending', '2026-11-22T10:10:00+05:30')],
          now: at('2026-11-22T11:00:00+05:30'),
        }),
      ),
    );
    expect(targets.acknowledgment).toMatchObject({ state: 'breached', overdue_ms: 30 * MINUTE });
    expect(targets.response).toMatchObject({ state: 'paused', time_left_ms: 5 * HOUR - 10 * MINUTE });
  });
});
