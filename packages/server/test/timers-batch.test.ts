import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import type { DatabaseHandle } from '../src/db/open.js';
import { scheduleTimer, TimerWorker, type Timer } from '../src/timers/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { countRows, openTimersDatabase } from './support/timers-db.js';

const T0 = Date.parse('2026-03-02T17:00:00Z');
const MINUTE = 60_000;

// Handlers that take the timers of their kind claimed together in one call: a few statements for many
// timers, and a short transaction (the embedded database's one connection is shared with requests).
describe.each(DATABASE_KINDS)('batch timer handlers on %s', (kind) => {
  let handle: DatabaseHandle;
  const clock = fixedClock(T0);

  beforeAll(async () => {
    handle = await openTimersDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** The timers of a kind as stored. */
  const timersOf = async (timerKind: string) =>
    (
      await sql<{ state: string; attempts: number; payload: { i: number }; last_error: string | null; fired_at: Date | null }>`
        select state, attempts, payload, last_error, fired_at from timers where kind = ${timerKind} order by subject_id`.execute(handle.db)
    ).rows.map((r) => ({ state: r.state, attempts: r.attempts, i: r.payload.i, lastError: r.last_error, firedAt: r.fired_at === null ? null : new Date(r.fired_at).getTime() }));
  const schedule = async (timerKind: string, prefix: string, n: number) => {
    for (let i = 0; i < n; i++) await scheduleTimer(handle.db, { kind: timerKind, subjectId: `${prefix}-${i}`, dueAt: T0, payload: { i }, now: T0 });
  };

  it('hands a transactional batch handler all the due timers of its kind at once, and fires each once', async () => {
    await schedule('digest', `digest-${kind}`, 12);
    const calls: number[] = [];
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'batcher',
      handlers: {
        digest: {
          batch: true,
          async run(timers, trx) {
            calls.push(timers.length);
            await sql`insert into effects (timer_id, worker, kind) select id, 'batcher', 'digest' from unnest(${timers.map((t) => t.id)}::uuid[]) as id`.execute(trx);
          },
        },
      },
    });
    expect((await worker.runDue()).fired).toBe(12);
    expect(calls).toEqual([12]);
    expect(await countRows(handle, `effects where kind = 'digest'`)).toBe(12);
    const timers = await timersOf('digest');
    expect(timers.map((t) => [t.state, t.attempts])).toEqual(Array.from({ length: 12 }, () => ['done', 1]));
  });

  it('runs each timer alone when the batch fails, so only the bad one is retried and nothing of the failed batch stays', async () => {
    await schedule('digest_bad', `bad-${kind}`, 5);
    const calls: number[] = [];
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'batcher',
      retry: { maxAttempts: 3 },
      handlers: {
        digest_bad: {
          batch: true,
          async run(timers: readonly Timer[], trx) {
            calls.push(timers.length);
            await sql`insert into effects (timer_id, worker, kind) select id, 'batcher', 'digest_bad' from unnest(${timers.map((t) => t.id)}::uuid[]) as id`.execute(trx);
            if (timers.some((t) => (t.payload as { i: number }).i === 2)) throw new Error('timer 2 cannot be handled');
          },
        },
      },
    });
    const report = await worker.runDue(T0);
    expect(report).toMatchObject({ fired: 4, retried: 1 });
    expect(calls).toEqual([5, 1, 1, 1, 1, 1]);
    // The failed batch's writes were rolled back; each good timer wrote its effect once, alone.
    expect(await countRows(handle, `effects where kind = 'digest_bad'`)).toBe(4);
    const timers = await timersOf('digest_bad');
    const bad = timers.find((t) => t.i === 2)!;
    expect(bad).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('timer 2 cannot be handled') });
    expect(timers.filter((t) => t.state === 'done')).toHaveLength(4);
  });

  it('settles leased timers a batch run answers for with one statement, and retries only those it failed', async () => {
    await schedule('send', `send-${kind}`, 6);
    const batches: number[] = [];
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'sender',
      handlers: {
        send: {
          lease: true,
          run: async () => {
            throw new Error('run alone is not expected here');
          },
          runBatch: async (timers) => {
            batches.push(timers.length);
            return timers.map((t) => ((t.payload as { i: number }).i === 4 ? new Error('the receiver refused message 4') : null));
          },
        },
      },
    });
    const report = await worker.runDue(T0);
    expect(report).toMatchObject({ fired: 5, retried: 1, lost: 0 });
    expect(batches).toEqual([6]);
    const timers = await timersOf('send');
    expect(timers.filter((t) => t.state === 'done' && t.firedAt === T0)).toHaveLength(5);
    expect(timers.find((t) => t.i === 4)).toMatchObject({ state: 'pending', lastError: expect.stringContaining('refused message 4') });
  });
});
