import { HOUR, MINUTE, compileCalendar, formatInstant, parseInstant } from '@hourglass/engine';
import { describe, expect, it } from 'vitest';
import { clockStartOf, computeTargets, nextDeadline } from './clocks.js';
import { slaRules } from './rules.js';
import type { SlaPackVersion, TicketClockInput } from './types.js';

// A pack version double on one 24x7 calendar, measuring every metric the clocks know.
const alwaysOpen = compileCalendar({ id: '24x7', zone: 'Asia/Kolkata', always_open: true });
const durations: Record<string, number> = {
  acknowledgment: 30 * MINUTE,
  first_response: 2 * HOUR,
  next_update: 4 * HOUR,
  resolution: 24 * HOUR,
};
interface Rules {
  metrics: { id: string; kind: string; paused_by?: string[] }[];
  clockStart?: 'on_create' | 'on_intake_complete';
  breachWarningAt?: number | null;
}
function pack(rules: Rules): SlaPackVersion {
  return {
    metrics: rules.metrics,
    clockStart: rules.clockStart ?? 'on_create',
    channelsWithoutSla: ['chat'],
    breachWarningAt: rules.breachWarningAt ?? null,
    resolveTarget: (_plan, _priority, metricId) => {
      const kind = rules.metrics.find((m) => m.id === metricId)?.kind;
      const duration = kind === undefined ? undefined : durations[kind];
      return duration === undefined ? null : { duration, calendarId: '24x7', calendar: alwaysOpen };
    },
  };
}
const allMetrics = pack({
  metrics: [
    { id: 'acknowledgment', kind: 'acknowledgment' },
    { id: 'first_response', kind: 'first_response', paused_by: ['pending'] },
    { id: 'next_update', kind: 'next_update', paused_by: ['pending'] },
    { id: 'resolution', kind: 'resolution', paused_by: ['pending', 'on_hold'] },
  ],
});

const at = (hhmm: string) => parseInstant(`2026-11-23T${hhmm}:00+05:30`);
const ist = (t: number | null) => (t === null ? null : formatInstant(t, 'Asia/Kolkata').slice(11, 16));

function input(overrides: Partial<TicketClockInput>): TicketClockInput {
  return {
    pack: allMetrics,
    plan: 'any',
    priority: 'any',
    channel: 'web',
    created_at: at('10:00'),
    status_history: [{ status: 'new', at: at('10:00') }],
    agent_activity: [],
    now: at('10:00'),
    ...overrides,
  };
}
const byMetric = (i: TicketClockInput) => Object.fromEntries(computeTargets(i).map((t) => [t.metric, t]));

describe('acknowledgment and first response', () => {
  it('an internal note acknowledges while the first response is still running', () => {
    const targets = byMetric(
      input({ agent_activity: [{ kind: 'internal_note', at: at('10:10') }], now: at('10:20') }),
    );
    expect(targets.acknowledgment).toMatchObject({ state: 'met', due_at: at('10:30'), met_at: at('10:10') });
    expect(targets.first_response).toMatchObject({ state: 'active', due_at: at('12:00'), time_left_ms: 100 * MINUTE });
  });

  it('an explicit acknowledgment counts too; activity before the clock start does not', () => {
    const ack = byMetric(input({ agent_activity: [{ kind: 'acknowledge', at: at('10:05') }], now: at('10:20') }));
    expect(ack.acknowledgment!.met_at).toBe(at('10:05'));
    const early = byMetric(
      input({
        pack: pack({ metrics: [{ id: 'acknowledgment', kind: 'acknowledgment' }], clockStart: 'on_intake_complete' }),
        intake_completed_at: at('10:15'),
        agent_activity: [{ kind: 'internal_note', at: at('10:05') }],
        now: at('10:20'),
      }),
    );
    expect(early.acknowledgment).toMatchObject({ state: 'active', started_at: at('10:15'), due_at: at('10:45') });
  });
});

describe('next update', () => {
  it('waits for the first public reply, then runs from the latest one', () => {
    expect(byMetric(input({ now: at('10:30') })).next_update).toMatchObject({
      state: 'none',
      none_reason: 'awaiting_first_response',
    });
    const targets = byMetric(
      input({
        agent_activity: [
          { kind: 'public_reply', at: at('10:30') },
          { kind: 'internal_note', at: at('11:00') },
          { kind: 'public_reply', at: at('13:00') },
        ],
        now: at('14:00'),
      }),
    );
    expect(targets.first_response).toMatchObject({ state: 'met', met_at: at('10:30') });
    expect(targets.next_update).toMatchObject({ state: 'active', started_at: at('13:00'), due_at: at('17:00') });
  });

  it('breaches when no further public update comes in time', () => {
    const targets = byMetric(input({ agent_activity: [{ kind: 'public_reply', at: at('10:30') }], now: at('15:00') }));
    expect(targets.next_update).toMatchObject({ state: 'breached', breached_at: at('14:30'), overdue_ms: 30 * MINUTE });
  });

  it('each public update meets the one owed and restarts the clock: due a time frame after the last update', () => {
    const updates = [
      { kind: 'public_reply' as const, at: at('10:30') },
      { kind: 'public_reply' as const, at: at('14:00') },
    ];
    // Before the second update: due 14:30, running.
    expect(byMetric(input({ agent_activity: updates.slice(0, 1), now: at('13:59') })).next_update).toMatchObject({
      state: 'active',
      started_at: at('10:30'),
      due_at: at('14:30'),
    });
    // The second update came in time: at 15:00 nothing is overdue; the next one is due 18:00.
    const after = byMetric(input({ agent_activity: updates, now: at('15:00') }));
    expect(after.next_update).toMatchObject({ state: 'active', started_at: at('14:00'), due_at: at('18:00'), breached_at: null, time_left_ms: 3 * HOUR });
    expect(ist(nextDeadline(Object.values(after)))).toBe('18:00');
    // An internal note is no update.
    const noted = byMetric(input({ agent_activity: [updates[0]!, { kind: 'internal_note', at: at('14:00') }], now: at('15:00') }));
    expect(noted.next_update).toMatchObject({ state: 'breached', started_at: at('10:30'), breached_at: at('14:30') });
  });

  it('pending (waiting on the customer) stops the clock where the pack says so; it resumes on open', () => {
    const history = [
      { status: 'new', at: at('10:00') },
      { status: 'pending', at: at('10:30') },
      { status: 'open', at: at('12:30') },
    ];
    const targets = byMetric(input({ status_history: history, agent_activity: [{ kind: 'public_reply', at: at('10:30') }], now: at('13:00') }));
    expect(targets.next_update).toMatchObject({ state: 'active', started_at: at('10:30'), due_at: at('16:30'), paused_ms: 2 * HOUR });
  });

  it('solving the ticket in time meets the last update; late, it is breached; reopening owes an update again', () => {
    const reply = [{ kind: 'public_reply' as const, at: at('10:30') }];
    const solved = [
      { status: 'new', at: at('10:00') },
      { status: 'open', at: at('10:30') },
      { status: 'solved', at: at('12:00') },
    ];
    expect(byMetric(input({ status_history: solved, agent_activity: reply, now: at('20:00') })).next_update).toMatchObject({
      state: 'met',
      started_at: at('10:30'),
      due_at: at('14:30'),
      met_at: at('12:00'),
    });
    const late = [...solved.slice(0, 2), { status: 'solved', at: at('15:00') }];
    expect(byMetric(input({ status_history: late, agent_activity: reply, now: at('20:00') })).next_update).toMatchObject({
      state: 'breached',
      met_at: at('15:00'),
      breached_at: at('14:30'),
    });
    const reopened = [...solved, { status: 'open', at: at('13:00') }];
    expect(byMetric(input({ status_history: reopened, agent_activity: reply, now: at('13:30') })).next_update).toMatchObject({
      state: 'active',
      met_at: null,
      due_at: at('15:30'),
      paused_ms: HOUR,
    });
  });
});

describe('resolution', () => {
  it('is met when the ticket is solved, with pending and on-hold time excluded', () => {
    const history = [
      { status: 'new', at: at('10:00') },
      { status: 'pending', at: at('11:00') },
      { status: 'open', at: at('12:00') },
      { status: 'on_hold', at: at('13:00') },
      { status: 'open', at: at('15:00') },
      { status: 'solved', at: at('16:00') },
    ];
    const targets = byMetric(input({ status_history: history, now: at('18:00') }));
    // 24h + 3h paused: due 13:00 the next day.
    expect(targets.resolution).toMatchObject({ state: 'met', met_at: at('16:00'), paused_ms: 3 * HOUR });
    expect(formatInstant(targets.resolution!.due_at!, 'Asia/Kolkata')).toBe('2026-11-24T13:00:00+05:30');
  });

  it('a reopened ticket runs again from where it stopped', () => {
    const history = [
      { status: 'new', at: at('10:00') },
      { status: 'solved', at: at('11:00') },
      { status: 'open', at: at('12:00') },
    ];
    const targets = byMetric(input({ status_history: history, now: at('13:00') }));
    expect(targets.resolution).toMatchObject({ state: 'active', met_at: null, paused_ms: HOUR, time_left_ms: 22 * HOUR });
  });
});

describe('clock start on intake completion', () => {
  const waiting = pack({ metrics: [{ id: 'first_response', kind: 'first_response' }], clockStart: 'on_intake_complete' });

  it('carries no guarantee until the intake is complete', () => {
    const targets = computeTargets(input({ pack: waiting, intake_completed_at: null, now: at('12:00') }));
    expect(targets).toMatchObject([{ metric: 'first_response', state: 'none', none_reason: 'intake_incomplete' }]);
    expect(nextDeadline(targets)).toBeNull();
  });

  it('starts when the intake is complete, never before creation nor after now', () => {
    const rules = slaRules(waiting);
    expect(clockStartOf(input({ pack: waiting, intake_completed_at: at('11:00'), now: at('12:00') }), rules)).toBe(at('11:00'));
    expect(clockStartOf(input({ pack: waiting, intake_completed_at: at('09:00'), now: at('12:00') }), rules)).toBe(at('10:00'));
    expect(clockStartOf(input({ pack: waiting, intake_completed_at: at('13:00'), now: at('12:00') }), rules)).toBeNull();
  });
});

describe('nextDeadline', () => {
  it('is the earliest warning or due time among running targets', () => {
    const warned = pack({
      metrics: [
        { id: 'acknowledgment', kind: 'acknowledgment' },
        { id: 'first_response', kind: 'first_response' },
      ],
      breachWarningAt: 0.75,
    });
    const early = byMetric(input({ pack: warned, now: at('10:05') }));
    expect(ist(early.acknowledgment!.warning_at)).toBe('10:22');
    expect(ist(nextDeadline(Object.values(early)))).toBe('10:22');
    const later = computeTargets(input({ pack: warned, now: at('10:25') }));
    expect(ist(nextDeadline(later))).toBe('10:30');
    const acknowledged = computeTargets(
      input({ pack: warned, agent_activity: [{ kind: 'internal_note', at: at('10:01') }], now: at('10:25') }),
    );
    expect(ist(nextDeadline(acknowledged))).toBe('11:30');
  });
});

describe('pack-defined metric ids', () => {
  it('a metric is met by the event of its kind, whatever its id', () => {
    const named = pack({
      metrics: [
        { id: 'ack', kind: 'acknowledgment' },
        { id: 'response', kind: 'first_response' },
      ],
    });
    const targets = byMetric(
      input({ pack: named, agent_activity: [{ kind: 'internal_note', at: at('10:10') }], now: at('10:20') }),
    );
    expect(targets.ack).toMatchObject({ kind: 'acknowledgment', state: 'met', met_at: at('10:10') });
    expect(targets.response).toMatchObject({ kind: 'first_response', state: 'active', due_at: at('12:00') });
  });

  it('an unknown kind is refused with the kinds the clocks know', () => {
    expect(() => computeTargets(input({ pack: pack({ metrics: [{ id: 'happiness', kind: 'happiness' }] }) }))).toThrow(
      'The SLA clocks cannot measure the metric "happiness" (kind "happiness"); a metric\'s kind must be one of acknowledgment, first_response, next_update, resolution.',
    );
  });
});
