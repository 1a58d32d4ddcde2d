import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/open.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTestDatabase } from './support/databases.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCRIPT = path.join(here, 'support/timer-worker-process.mjs');
const COMPILED = path.join(here, '../dist/timers/index.js');
const TX_TIMERS = 3_000;
const LEASED_TIMERS = 1_500;
const LEASE_MS = 3_000;

interface WorkerProcess {
  id: string;
  child: ChildProcess;
  stderr: () => string;
}

function spawnWorker(url: string, id: string): Promise<WorkerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, '--database-url', url, '--worker-id', id, '--lease-ms', String(LEASE_MS)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`worker ${id} did not start within 30 s:\n${err}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('{"ready"')) {
        clearTimeout(timer);
        resolve({ id, child, stderr: () => err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${id} exited with ${code} before it was ready:\n${err}`));
    });
  });
}

function stop(worker: WorkerProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve(worker.child.exitCode);
    worker.child.removeAllListeners('exit');
    worker.child.once('exit', (code) => resolve(code));
    worker.child.kill(signal);
  });
}

async function rows<T>(handle: DatabaseHandle, query: string): Promise<T[]> {
  return (await sql.raw<T>(query).execute(handle.db)).rows;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('three timer worker processes on one PostgreSQL, one killed mid-run', () => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let url: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase();
    url = database.url;
    drop = database.drop;
    handle = await openDatabase({ databaseUrl: url, maxConnections: 3 });
    await migrateToLatest(handle.db);
    await sql`create table effects (timer_id uuid primary key, worker text not null, kind text not null)`.execute(handle.db);
    await sql`create table deliveries (id bigint generated always as identity primary key, timer_id uuid not null, worker text not null)`.execute(handle.db);
  });
  afterAll(async () => {
    for (const worker of workers) await stop(worker, 'SIGKILL');
    await handle?.close();
    await drop?.();
  });

  it('fires every due timer exactly once in effect, taking over the killed worker’s leases', async () => {
    expect(existsSync(COMPILED), 'compile the packages first (npx tsc -b)').toBe(true);
    // Due from one second ago to four seconds ahead, so timers keep coming due while the workers run.
    for (const [kind, count] of [['proc_tx', TX_TIMERS], ['proc_lease', LEASED_TIMERS]] as const) {
      await sql`
        insert into timers (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
        select ${kind}, 'ticket', 'ticket-' || i, '', now() - interval '1 second' + (i * 5000 / ${count}) * interval '1 millisecond', '{}', now(), now()
        from generate_series(1, ${count}) as s(i)`.execute(handle.db);
    }

    workers.push(...(await Promise.all(['w1', 'w2', 'w3'].map((id) => spawnWorker(url, id)))));
    const [victim] = workers as [WorkerProcess];
    await waitFor('the first worker to fire 100 leased timers', async () => {
      const [row] = await rows<{ n: number }>(handle, `select count(*)::int as n from effects where worker = 'w1' and kind = 'proc_lease'`);
      return row!.n >= 100;
    }, 30_000);
    // Kill it while it holds leases. It works in batches, so there are moments when it holds none:
    // freeze it (SIGSTOP), let statements already sent settle, and look. Frozen, it can send nothing
    // more, so the leases seen are the ones it dies with; if there are none, thaw it and look again.
    const countHeld = async () => (await rows<{ n: number }>(handle, `select count(*)::int as n from timers where state = 'running' and locked_by = 'w1'`))[0]!.n;
    const holding = Date.now() + 30_000;
    for (;;) {
      if (Date.now() > holding) throw new Error('the first worker never held a lease');
      if ((await countHeld()) > 0) {
        victim.child.kill('SIGSTOP');
        await new Promise((resolve) => setTimeout(resolve, 250));
        if ((await countHeld()) > 0) break;
        victim.child.kill('SIGCONT');
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await stop(victim, 'SIGKILL');
    const held = (await rows<{ id: string }>(handle, `select id from timers where state = 'running' and locked_by = 'w1'`)).map((r) => r.id);
    const total = await rows<{ n: number }>(handle, `select count(*)::int as n from timers where state in ('pending', 'running')`);
    expect(total[0]!.n, 'the worker was killed after the run was over; nothing was left to take over').toBeGreaterThan(0);
    expect(held.length, 'the killed worker held no lease at the moment it died').toBeGreaterThan(0);

    await waitFor('every timer to fire', async () => {
      const [row] = await rows<{ n: number }>(handle, `select count(*)::int as n from timers where state <> 'done'`);
      return row!.n === 0;
    }, 60_000).catch(async (error: Error) => {
      const states = await rows(handle, `select kind, state, locked_by, count(*)::int as n, max(last_error) as error from timers group by 1, 2, 3`);
      throw new Error(`${error.message}\n${JSON.stringify(states)}\n${workers.map((w) => w.stderr()).join('\n')}`);
    });
    for (const worker of workers.slice(1)) expect(await stop(worker, 'SIGTERM'), worker.stderr()).toBe(0);

    // Exactly once in effect: one effect row per timer (the primary key forbids a second), none missing.
    const effects = await rows<{ kind: string; n: number }>(handle, `select kind, count(*)::int as n from effects group by kind order by kind`);
    expect(effects).toEqual([
      { kind: 'proc_lease', n: LEASED_TIMERS },
      { kind: 'proc_tx', n: TX_TIMERS },
    ]);
    const unmatched = await rows<{ n: number }>(handle, `select count(*)::int as n from timers t full join effects e on e.timer_id = t.id where t.id is null or e.timer_id is null`);
    expect(unmatched[0]!.n).toBe(0);
    const byWorker = await rows<{ worker: string; n: number }>(handle, `select worker, count(*)::int as n from effects group by worker order by worker`);
    expect(byWorker.map((r) => r.worker)).toEqual(['w1', 'w2', 'w3']);
    const txAttempts = await rows<{ n: number }>(handle, `select count(*)::int as n from timers where kind = 'proc_tx' and attempts <> 1`);
    expect(txAttempts[0]!.n).toBe(0);

    // The external effect was attempted again only for the leases the killed worker held, each by a
    // surviving worker once the lease lapsed; the receiver kept one effect per idempotency key.
    const repeated = await rows<{ timer_id: string; workers: string }>(
      handle,
      `select timer_id, string_agg(worker, ',' order by id) as workers from deliveries group by timer_id having count(*) > 1`,
    );
    for (const r of repeated) {
      expect(held).toContain(r.timer_id);
      expect(r.workers).toMatch(/^w1,w[23]$/);
    }
    const takenOver = await rows<{ id: string; attempts: number; last: string }>(
      handle,
      `select t.id, t.attempts, (select worker from deliveries d where d.timer_id = t.id order by d.id desc limit 1) as last
       from timers t where t.id in (${held.map((id) => `'${id}'`).join(', ')})`,
    );
    expect(takenOver).toHaveLength(held.length);
    for (const timer of takenOver) {
      expect(timer.attempts).toBe(2);
      expect(['w2', 'w3']).toContain(timer.last);
    }
  }, 120_000);
});
