import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import type { DatabaseHandle } from '../src/db/open.js';
import { TimerWorker, type SweepReport } from '../src/timers/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { countRows, openTimersDatabase } from './support/timers-db.js';

const T0 = Date.parse('2026-03-02T17:00:00Z');
const COUNT = 1_000;
const WORKERS = 4;

async function seedDue(handle: DatabaseHandle, kind: string): Promise<void> {
  await sql`
    insert into timers (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
    select ${kind}, 'ticket', 'ticket-' || i, '', ${new Date(T0)}::timestamptz - (i || ' ms')::interval, jsonb_build_object('i', i), now(), now()
    from generate_series(1, ${COUNT}) as s(i)`.execute(handle.db);
}

describe.each(DATABASE_KINDS)('workers in one process racing on due timers on %s', (kind) => {
  let handle: DatabaseHandle;
  const clock = fixedClock(T0);

  beforeAll(async () => {
    handle = await openTimersDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it(`fires each of ${COUNT} transactional timers exactly once across ${WORKERS} workers`, async () => {
    await seedDue(handle, 'race_tx');
    const workers = Array.from(
      { length: WORKERS },
      (_, n) =>
        new TimerWorker({
          db: handle.db,
          clock,
          workerId: `w${n}`,
          batchSize: 25,
          handlers: {
            race_tx: async (timer, trx) => {
              // A primary key on timer_id: a second firing of one timer would fail here and show as a retry.
              await sql`insert into effects (timer_id, worker, kind) values (${timer.id}, ${`w${n}`}, 'race_tx')`.execute(trx);
            },
          },
        }),
    );
    const reports = await Promise.all(workers.map((w) => w.runDue(T0)));
    expect(sum(reports)).toEqual({ fired: COUNT, retried: 0, dead: 0, lost: 0 });
    expect(await countRows(handle, `effects where kind = 'race_tx'`)).toBe(COUNT);
    expect(await countRows(handle, `timers where kind = 'race_tx' and state = 'done' and attempts = 1`)).toBe(COUNT);
    if (kind === 'postgres') expect(reports.filter((r) => r.fired > 0).length).toBeGreaterThan(1);
  });

  it(`runs each of ${COUNT} leased timers exactly once across ${WORKERS} workers`, async () => {
    await seedDue(handle, 'race_lease');
    const runs = new Map<string, number>();
    const workers = Array.from(
      { length: WORKERS },
      (_, n) =>
        new TimerWorker({
          db: handle.db,
          clock,
          workerId: `w${n}`,
          batchSize: 25,
          handlers: {
            race_lease: {
              lease: true,
              run: async (_timer, { idempotencyKey }) => {
                runs.set(idempotencyKey, (runs.get(idempotencyKey) ?? 0) + 1);
                await new Promise((resolve) => setImmediate(resolve));
              },
            },
          },
        }),
    );
    const reports = await Promise.all(workers.map((w) => w.runDue(T0)));
    expect(sum(reports)).toEqual({ fired: COUNT, retried: 0, dead: 0, lost: 0 });
    expect(runs.size).toBe(COUNT);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await countRows(handle, `timers where kind = 'race_lease' and state = 'done' and attempts = 1`)).toBe(COUNT);
  });
});

function sum(reports: SweepReport[]): SweepReport {
  return reports.reduce((a, r) => ({ fired: a.fired + r.fired, retried: a.retried + r.retried, dead: a.dead + r.dead, lost: a.lost + r.lost }));
}
