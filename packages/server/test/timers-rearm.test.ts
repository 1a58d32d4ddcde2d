import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import type { DatabaseHandle } from '../src/db/open.js';
import { findTimers, scheduleTimer, TimerWorker } from '../src/timers/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { openTimersDatabase } from './support/timers-db.js';

const T0 = Date.parse('2026-03-02T17:00:00Z');
const HOUR = 3_600_000;

// A handler may find that its timer is set for the wrong instant (a breach whose due time moved) and
// schedule it anew in its own transaction: the timer must stay armed for that, not be marked done.
describe.each(DATABASE_KINDS)('a timer its own handler schedules anew, on %s', (kind) => {
  let handle: DatabaseHandle;
  const clock = fixedClock(T0);
  const fired: { subject: string; payload: unknown }[] = [];

  beforeAll(async () => {
    handle = await openTimersDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const worker = () =>
    new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'rearm',
      handlers: {
        check: async (timer, trx) => {
          fired.push({ subject: timer.subjectId, payload: timer.payload });
          const want = (timer.payload as { want: string }).want;
          const again = (at: number, payload: unknown) => scheduleTimer(trx, { kind: 'check', subjectId: timer.subjectId, dueAt: at, payload, now: clock.now() });
          if (want === 'later') await again(timer.dueAt + HOUR, { want: 'done' });
          if (want === 'same-time-new-payload') await again(timer.dueAt, { want: 'done' });
          if (want === 'unchanged') await again(timer.dueAt, timer.payload);
        },
      },
    });

  it('keeps a timer moved later armed, fires one given a new payload again, and marks an unchanged one done', async () => {
    for (const want of ['later', 'same-time-new-payload', 'unchanged']) await scheduleTimer(handle.db, { kind: 'check', subjectId: want, dueAt: T0 - 1_000, payload: { want }, now: T0 - 2_000 });
    await worker().runDue(T0);
    const state = async (subjectId: string) => (await findTimers(handle.db, { subjectId }))[0]!;
    expect(await state('later')).toMatchObject({ state: 'pending', dueAt: T0 - 1_000 + HOUR, payload: { want: 'done' } });
    expect(await state('same-time-new-payload')).toMatchObject({ state: 'done', payload: { want: 'done' } });
    expect(await state('unchanged')).toMatchObject({ state: 'done', payload: { want: 'unchanged' } });
    // The one given a new payload for the same instant fired again (it was due), once.
    expect(fired.filter((f) => f.subject === 'same-time-new-payload').map((f) => f.payload)).toEqual([{ want: 'same-time-new-payload' }, { want: 'done' }]);
    expect(fired.filter((f) => f.subject === 'unchanged')).toHaveLength(1);
    expect(fired.filter((f) => f.subject === 'later')).toHaveLength(1);

    await worker().runDue(T0 - 1_000 + HOUR);
    expect(await state('later')).toMatchObject({ state: 'done' });
    expect(fired.filter((f) => f.subject === 'later').map((f) => f.payload)).toEqual([{ want: 'later' }, { want: 'done' }]);
  });
});
