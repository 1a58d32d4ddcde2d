import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import type { DatabaseHandle } from '../src/db/open.js';
import {
  cancelTimers,
  enqueueOutbox,
  findTimers,
  outboxKind,
  retargetTimers,
  scheduleTimer,
  TimerError,
  TimerWorker,
  type Timer,
} from '../src/timers/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { countRows, openTimersDatabase } from './support/timers-db.js';

const T0 = Date.parse('2026-03-02T17:00:00Z');
const MINUTE = 60_000;
let subjectSeq = 0;
const nextSubject = () => `ticket-${++subjectSeq}`;

describe.each(DATABASE_KINDS)('durable timers on %s', (kind) => {
  let handle: DatabaseHandle;
  const clock = fixedClock(T0);
  const effect = (worker: string) => async (timer: Timer, trx: Parameters<import('../src/timers/index.js').TransactionalHandler>[1]) => {
    await sql`insert into effects (timer_id, worker, kind) values (${timer.id}, ${worker}, ${timer.kind})`.execute(trx);
  };

  beforeAll(async () => {
    handle = await openTimersDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(() => clock.set(T0));

  it('fires a timer once, at its due time and not before', async () => {
    const subject = nextSubject();
    const { id, outcome } = await scheduleTimer(handle.db, { kind: 'reminder', subjectId: subject, dueAt: T0 + 10 * MINUTE, payload: { n: 1 }, now: T0 });
    expect(outcome).toBe('created');
    const fired: Timer[] = [];
    const worker = new TimerWorker({ db: handle.db, clock, workerId: 'w1', handlers: { reminder: effect('w1') }, onFired: (t) => fired.push(t) });

    expect(await worker.runDue(T0 + 10 * MINUTE - 1)).toEqual({ fired: 0, retried: 0, dead: 0, lost: 0 });
    clock.advance(10 * MINUTE);
    expect((await worker.runDue()).fired).toBe(1);
    expect((await worker.runDue(T0 + 60 * MINUTE)).fired).toBe(0);

    expect(fired.map((t) => [t.id, t.payload, t.attempts])).toEqual([[id, { n: 1 }, 1]]);
    const [timer] = await findTimers(handle.db, { subjectId: subject });
    expect(timer).toMatchObject({ id, state: 'done', attempts: 1, firedAt: T0 + 10 * MINUTE, lastError: null });
    expect(await countRows(handle, `effects where timer_id = '${id}'`)).toBe(1);
  });

  it('keeps one timer per (kind, subject, key): scheduling again moves it, the same schedule changes nothing', async () => {
    const subject = nextSubject();
    const first = await scheduleTimer(handle.db, { kind: 'auto_solve', subjectId: subject, dueAt: T0 + 5 * MINUTE, now: T0 });
    const same = await scheduleTimer(handle.db, { kind: 'auto_solve', subjectId: subject, dueAt: T0 + 5 * MINUTE, now: T0 });
    const moved = await scheduleTimer(handle.db, { kind: 'auto_solve', subjectId: subject, dueAt: T0 + 30 * MINUTE, now: T0 });
    const other = await scheduleTimer(handle.db, { kind: 'auto_solve', subjectId: subject, key: 'second', dueAt: T0 + 5 * MINUTE, now: T0 });
    expect([same.outcome, moved.outcome, other.outcome]).toEqual(['unchanged', 'moved', 'created']);
    expect(same.id).toBe(first.id);
    expect(moved.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);

    const worker = new TimerWorker({ db: handle.db, clock, workerId: 'w1', handlers: { auto_solve: effect('w1') } });
    expect((await worker.runDue(T0 + 10 * MINUTE)).fired).toBe(1); // only the second key; the first moved to +30 min
    expect((await findTimers(handle.db, { subjectId: subject, states: ['pending'] })).map((t) => [t.key, t.dueAt])).toEqual([['', T0 + 30 * MINUTE]]);
    expect((await worker.runDue(T0 + 30 * MINUTE)).fired).toBe(1);

    // A fired timer scheduled again with the same due time stays fired; with a new due time it is armed again.
    expect((await scheduleTimer(handle.db, { kind: 'auto_solve', subjectId: subject, dueAt: T0 + 30 * MINUTE })).outcome).toBe('unchanged');
    expect((await worker.runDue(T0 + 40 * MINUTE)).fired).toBe(0);
    expect((await scheduleTimer(handle.db, { kind: 'auto_solve', subjectId: subject, dueAt: T0 + 50 * MINUTE, payload: { again: true } })).outcome).toBe('moved');
    await sql`delete from effects where timer_id = ${first.id}`.execute(handle.db);
    expect((await worker.runDue(T0 + 50 * MINUTE)).fired).toBe(1);
    expect(await countRows(handle, `effects where timer_id = '${first.id}'`)).toBe(1);
  });

  it('cancels the timers of a subject, by kind, and a later schedule arms a cancelled timer again', async () => {
    const subject = nextSubject();
    for (const timerKind of ['pending_reminder', 'auto_solve', 'breach']) {
      await scheduleTimer(handle.db, { kind: timerKind, subjectId: subject, dueAt: T0 + MINUTE, now: T0 });
    }
    await scheduleTimer(handle.db, { kind: 'pending_reminder', subjectId: nextSubject(), dueAt: T0 + MINUTE, now: T0 });
    expect(await cancelTimers(handle.db, { subjectId: subject, kinds: ['pending_reminder', 'auto_solve'], now: T0 })).toBe(2);
    expect(await cancelTimers(handle.db, { subjectId: subject, kinds: ['pending_reminder'] })).toBe(0);
    expect(await cancelTimers(handle.db, { subjectId: subject, kinds: [] })).toBe(0);

    const fired: string[] = [];
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'w1',
      handlers: { pending_reminder: effect('w1'), auto_solve: effect('w1'), breach: effect('w1') },
      onFired: (t) => t.subjectId === subject && fired.push(t.kind),
    });
    await worker.runDue(T0 + MINUTE);
    expect(fired).toEqual(['breach']);
    expect((await findTimers(handle.db, { subjectId: subject })).map((t) => [t.kind, t.state]).sort()).toEqual([
      ['auto_solve', 'cancelled'],
      ['breach', 'done'],
      ['pending_reminder', 'cancelled'],
    ]);

    expect((await scheduleTimer(handle.db, { kind: 'auto_solve', subjectId: subject, dueAt: T0 + MINUTE })).outcome).toBe('moved');
    await worker.runDue(T0 + MINUTE);
    expect(fired).toEqual(['breach', 'auto_solve']);
  });

  it('rolls back a failing handler’s writes, retries with backoff, and gives up after the last attempt keeping the error', async () => {
    const subject = nextSubject();
    const { id } = await scheduleTimer(handle.db, { kind: 'flaky', subjectId: subject, dueAt: T0, now: T0 });
    let calls = 0;
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'w1',
      retry: { maxAttempts: 3, backoffMs: (failed) => failed * MINUTE },
      handlers: {
        flaky: async (timer, trx) => {
          calls += 1;
          await sql`insert into effects (timer_id, worker, kind) values (${timer.id}, 'w1', 'flaky')`.execute(trx);
          throw new Error(`mail server refused (attempt ${timer.attempts})`);
        },
      },
    });
    expect(await worker.runDue(T0)).toEqual({ fired: 0, retried: 1, dead: 0, lost: 0 });
    let [timer] = await findTimers(handle.db, { subjectId: subject });
    expect(timer).toMatchObject({ state: 'pending', attempts: 1, dueAt: T0 + MINUTE, lastError: 'Error: mail server refused (attempt 1)' });
    expect(await countRows(handle, `effects where timer_id = '${id}'`)).toBe(0);

    expect((await worker.runDue(T0 + MINUTE - 1)).retried).toBe(0);
    expect((await worker.runDue(T0 + MINUTE)).retried).toBe(1);
    [timer] = await findTimers(handle.db, { subjectId: subject });
    expect(timer).toMatchObject({ state: 'pending', attempts: 2, dueAt: T0 + 3 * MINUTE });
    expect(await worker.runDue(T0 + 3 * MINUTE)).toEqual({ fired: 0, retried: 0, dead: 1, lost: 0 });
    [timer] = await findTimers(handle.db, { subjectId: subject });
    expect(timer).toMatchObject({ state: 'dead', attempts: 3, lastError: 'Error: mail server refused (attempt 3)' });
    expect(await worker.runDue(T0 + 1000 * MINUTE)).toEqual({ fired: 0, retried: 0, dead: 0, lost: 0 });
    expect(calls).toBe(3);
    expect(await countRows(handle, `effects where timer_id = '${id}'`)).toBe(0);
  });

  it('one failing timer does not undo the others claimed in the same batch', async () => {
    const subjects = [nextSubject(), nextSubject(), nextSubject()];
    for (const subject of subjects) await scheduleTimer(handle.db, { kind: 'batch', subjectId: subject, dueAt: T0, now: T0 });
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'w1',
      handlers: {
        batch: async (timer, trx) => {
          await sql`insert into effects (timer_id, worker, kind) values (${timer.id}, 'w1', 'batch')`.execute(trx);
          if (timer.subjectId === subjects[1]) await sql`select 1 / 0`.execute(trx); // aborts the statement inside the transaction
        },
      },
    });
    expect(await worker.runDue(T0)).toEqual({ fired: 2, retried: 1, dead: 0, lost: 0 });
    expect(await countRows(handle, `effects where kind = 'batch'`)).toBe(2);
    const [failed] = await findTimers(handle.db, { subjectId: subjects[1]! });
    expect(failed!.lastError).toMatch(/division by zero/);
  });

  it('runs leased handlers outside the transaction with the timer id as idempotency key, and takes over a lapsed lease', async () => {
    const subject = nextSubject();
    const { id } = await scheduleTimer(handle.db, { kind: 'webhook', subjectId: subject, dueAt: T0, now: T0 });
    const keys: string[] = [];
    // The first worker's handler never returns: it stands for a worker that died holding the lease.
    const stuck = new TimerWorker({ db: handle.db, clock, workerId: 'stuck', leaseMs: 5 * MINUTE, handlers: { webhook: { lease: true, run: () => new Promise<void>(() => {}) } } });
    void stuck.runDue(T0);
    await expect.poll(async () => (await findTimers(handle.db, { subjectId: subject }))[0]?.state).toBe('running');
    expect((await findTimers(handle.db, { subjectId: subject }))[0]).toMatchObject({ lockedBy: 'stuck', lockedUntil: T0 + 5 * MINUTE, attempts: 1 });

    const rescuer = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'rescuer',
      handlers: { webhook: { lease: true, run: async (_timer, context) => void keys.push(context.idempotencyKey) } },
    });
    expect((await rescuer.runDue(T0 + 5 * MINUTE - 1)).fired).toBe(0);
    expect((await rescuer.runDue(T0 + 5 * MINUTE)).fired).toBe(1);
    expect(keys).toEqual([id]);
    expect((await findTimers(handle.db, { subjectId: subject }))[0]).toMatchObject({ state: 'done', attempts: 2, lockedBy: null, firedAt: T0 + 5 * MINUTE });
  });

  it('ignores the settlement of a leased timer that was cancelled while its handler ran', async () => {
    const subject = nextSubject();
    await scheduleTimer(handle.db, { kind: 'email', subjectId: subject, dueAt: T0, now: T0 });
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'w1',
      handlers: { email: { lease: true, run: async (timer, { db }) => void (await cancelTimers(db, { subjectId: timer.subjectId })) } },
    });
    expect(await worker.runDue(T0)).toEqual({ fired: 0, retried: 0, dead: 0, lost: 1 });
    expect((await findTimers(handle.db, { subjectId: subject }))[0]!.state).toBe('cancelled');
  });

  it('delivers outbox messages written in a handler’s transaction, once per idempotency key', async () => {
    const subject = nextSubject();
    await scheduleTimer(handle.db, { kind: 'breach_warning', subjectId: subject, dueAt: T0, now: T0 });
    const delivered: { key: string; payload: unknown }[] = [];
    const worker = new TimerWorker({
      db: handle.db,
      clock,
      workerId: 'w1',
      handlers: {
        breach_warning: async (timer, trx) => {
          const first = await enqueueOutbox(trx, { topic: 'email', idempotencyKey: `${timer.id}:assignee`, payload: { to: 'agent@example.test' }, now: clock.now() });
          const again = await enqueueOutbox(trx, { topic: 'email', idempotencyKey: `${timer.id}:assignee`, payload: { to: 'agent@example.test' }, now: clock.now() });
          expect([first.created, again.created]).toEqual([true, false]);
        },
        [outboxKind('email')]: { lease: true, run: async (message, { idempotencyKey }) => void delivered.push({ key: idempotencyKey, payload: message.payload }) },
      },
    });
    const report = await worker.runDue(T0);
    expect(report.fired).toBe(2);
    const [warning] = await findTimers(handle.db, { subjectId: subject });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.payload).toEqual({ to: 'agent@example.test' });
    const [message] = await findTimers(handle.db, { subjectId: `${warning!.id}:assignee` });
    expect(message).toMatchObject({ kind: 'outbox:email', state: 'done', id: delivered[0]!.key });
  });

  it('re-targets many pending timers in one set-based change, leaving fired and cancelled ones alone', async () => {
    const subjects = Array.from({ length: 300 }, nextSubject);
    for (const subject of subjects) await scheduleTimer(handle.db, { kind: 'breach', subjectId: subject, key: 'first_response', dueAt: T0 + MINUTE, now: T0 });
    await cancelTimers(handle.db, { subjectId: subjects[0]! });
    const moves = subjects.map((subjectId, i) => ({ kind: 'breach', subjectId, key: 'first_response', dueAt: T0 + (i + 2) * MINUTE }));
    moves.push({ kind: 'breach', subjectId: 'no-such-ticket', key: 'first_response', dueAt: T0 });
    expect(await retargetTimers(handle.db, moves, { now: T0 })).toBe(299);
    expect((await findTimers(handle.db, { subjectId: subjects[0]! }))[0]).toMatchObject({ state: 'cancelled', dueAt: T0 + MINUTE });
    expect((await findTimers(handle.db, { subjectId: subjects[299]! }))[0]!.dueAt).toBe(T0 + 301 * MINUTE);
    expect(await retargetTimers(handle.db, moves, { now: T0 })).toBe(0);

    const [byId] = await findTimers(handle.db, { subjectId: subjects[5]! });
    expect(await retargetTimers(handle.db, [{ id: byId!.id, dueAt: T0 + 999 * MINUTE }])).toBe(1);
    expect((await findTimers(handle.db, { subjectId: subjects[5]! }))[0]!.dueAt).toBe(T0 + 999 * MINUTE);
  });

  it('explains bad input instead of failing inside the database', async () => {
    const bad = [
      () => scheduleTimer(handle.db, { kind: '', subjectId: 'x', dueAt: T0 }),
      () => scheduleTimer(handle.db, { kind: 'k', subjectId: 'x', dueAt: Number.NaN }),
      () => scheduleTimer(handle.db, { kind: 'k', subjectId: 'x', dueAt: T0, payload: { n: 1n } }),
      () => cancelTimers(handle.db, { subjectId: 42 as unknown as string }),
      () => retargetTimers(handle.db, [{ kind: 'k', subjectId: 'x', dueAt: '2026-01-01' as unknown as number }]),
      () => findTimers(handle.db, { subjectId: 'x', states: ['fired' as 'done'] }),
    ];
    for (const call of bad) await expect(call()).rejects.toBeInstanceOf(TimerError);
    await expect(scheduleTimer(handle.db, { kind: 'k', subjectId: 'x', dueAt: Number.NaN })).rejects.toThrow(/dueAt must be an instant in epoch milliseconds/);
    expect(() => new TimerWorker({ db: handle.db, clock, workerId: 'w', handlers: {} })).toThrow(/at least one handler/);
    expect(() => new TimerWorker({ db: handle.db, clock, workerId: 'w', handlers: { k: {} as never } })).toThrow(/handler for "k"/);
    expect(() => new TimerWorker({ db: handle.db, clock, workerId: 'w', batchSize: 0, handlers: { k: async () => {} } })).toThrow(/batchSize must be a positive whole number/);
  });
});
