import { sql, type Kysely, type Transaction } from 'kysely';
import { pino } from 'pino';
import type { Clock } from '../clock.js';
import { leaseDue, lockDue, markFailedLocked, markFired, settleLeased, settleLeasedDone } from './claim.js';
import { describeError, TimerError } from './errors.js';
import { afterFailure, checkRetryPolicy, type RetryPolicy } from './retry.js';
import type { Timer } from './schema.js';
import { requirePositiveInteger, requireText } from './validate.js';

/**
 * A handler whose effects are database writes: it runs inside the transaction that claimed the timer,
 * so its writes and the timer's `done` commit together (exactly once in effect). It must use `trx`,
 * never the outer database handle. A thrown error rolls back its writes and schedules a retry.
 */
export type TransactionalHandler = (timer: Timer, trx: Transaction<any>) => Promise<void>;

/**
 * A handler with an external effect (email, webhook, phone call). It runs outside any transaction
 * under a lease of `leaseMs`; if its worker dies, another worker runs it again once the lease lapses,
 * so it must pass `idempotencyKey` (the timer's id) to the receiver, which drops repeats.
 */
export interface LeasedHandler {
  lease: true;
  batch?: false;
  run(timer: Timer, context: { db: Kysely<any>; idempotencyKey: string; leaseUntil: number }): Promise<void>;
  /**
   * Optionally, the same for all the timers of its kind leased together (a few statements for many):
   * answers, per timer in order, the error it failed with, or null when it is done. If it throws, each
   * timer is run alone with `run`.
   */
  runBatch?(timers: readonly Timer[], context: { db: Kysely<any> }): Promise<readonly (unknown | null)[]>;
}

/**
 * A transactional handler that takes the due timers of its kind claimed together all at once, in the
 * transaction that claimed them, so many timers cost a few statements. If it throws, its writes are
 * rolled back and each of those timers is run through it alone, so a bad timer fails only itself.
 */
export interface BatchHandler {
  batch: true;
  lease?: false;
  run(timers: readonly Timer[], trx: Transaction<any>): Promise<void>;
}

export type TimerHandler = TransactionalHandler | LeasedHandler | BatchHandler;

export interface TimerWorkerOptions {
  db: Kysely<any>;
  clock: Clock;
  /** One handler per timer kind; the worker only claims kinds it has a handler for. */
  handlers: Record<string, TimerHandler>;
  /** Names this worker in `locked_by` (e.g. host:pid). */
  workerId: string;
  /** Timers claimed per transaction or lease (default 50). */
  batchSize?: number;
  /** The pause between sweeps when nothing was due (default 500 ms). */
  pollMs?: number;
  /** How long a leased handler may run before another worker may take its timer over (default 60 s). */
  leaseMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Called with errors of the sweep itself (e.g. a lost connection); the worker keeps going. By
   * default they are logged as errors through `logger`.
   */
  onError?: (error: unknown) => void;
  /** Where the default `onError` logs (a pino logger; default: a pino logger to standard output). */
  logger?: WorkerLogger;
  /** Called after a timer's firing committed, with the clock's time then. */
  onFired?: (timer: Timer, at: number) => void;
}

/** The part of a pino logger the worker uses. */
export interface WorkerLogger {
  error(details: object, message: string): void;
}

export interface SweepReport {
  fired: number;
  retried: number;
  dead: number;
  /** Leased timers whose lease was lost before they settled (another worker or a change took them). */
  lost: number;
}

const emptyReport = (): SweepReport => ({ fired: 0, retried: 0, dead: 0, lost: 0 });
const handled = (r: SweepReport): number => r.fired + r.retried + r.dead + r.lost;

/**
 * Fires due timers. Several workers, in one process or many, may sweep one database: each claims
 * with `FOR UPDATE SKIP LOCKED`, so no timer is handled by two at once.
 *
 * @example
 * const worker = new TimerWorker({ db, clock, workerId: `web-${process.pid}`, handlers: {
 *   auto_solve: async (timer, trx) => { await solveTicket(trx, timer.subjectId); },
 *   breach_email: { lease: true, run: (timer, { idempotencyKey }) => mailer.send(..., idempotencyKey) },
 * } });
 * worker.start(); … await worker.stop();
 */
export class TimerWorker {
  readonly #db: Kysely<any>;
  readonly #clock: Clock;
  readonly #workerId: string;
  readonly #batchSize: number;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #retry: RetryPolicy;
  readonly #transactional = new Map<string, TransactionalHandler>();
  readonly #leased = new Map<string, LeasedHandler>();
  readonly #batched = new Map<string, BatchHandler>();
  readonly #onError: (error: unknown) => void;
  readonly #onFired: ((timer: Timer, at: number) => void) | undefined;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(options: TimerWorkerOptions) {
    if (!options?.db || !options.clock || typeof options.clock.now !== 'function') {
      throw new TimerError('invalid_worker', 'A TimerWorker needs { db, clock, handlers, workerId }: db is a Kysely instance, clock has now().');
    }
    this.#db = options.db;
    this.#clock = options.clock;
    this.#workerId = requireText(options.workerId, 'workerId', 200);
    this.#batchSize = requirePositiveInteger(options.batchSize ?? 50, 'batchSize');
    this.#pollMs = requirePositiveInteger(options.pollMs ?? 500, 'pollMs');
    this.#leaseMs = requirePositiveInteger(options.leaseMs ?? 60_000, 'leaseMs');
    this.#retry = checkRetryPolicy(options.retry);
    this.#onError = options.onError ?? logSweepErrors(options.logger ?? pino({ name: 'hourglass-timers' }), this.#workerId);
    this.#onFired = options.onFired;
    for (const [kind, handler] of Object.entries(options.handlers ?? {})) {
      if (typeof handler === 'function') this.#transactional.set(kind, handler);
      else if (handler && 'batch' in handler && handler.batch === true && typeof handler.run === 'function') {
        const batch = handler;
        this.#batched.set(kind, batch);
        this.#transactional.set(kind, (timer, trx) => batch.run([timer], trx));
      } else if (handler && handler.lease === true && typeof handler.run === 'function') this.#leased.set(kind, handler);
      else throw new TimerError('invalid_worker', `The handler for "${kind}" must be an async function (timer, trx) or { lease: true, run(timer, context) }.`);
    }
    if (this.#transactional.size + this.#leased.size === 0) throw new TimerError('invalid_worker', 'A TimerWorker needs at least one handler: handlers: { kind: async (timer, trx) => … }.');
  }

  get workerId(): string {
    return this.#workerId;
  }

  /** Sweeps until stopped: at once while batches come back full, else every `pollMs`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#sweepForever();
  }

  /** Stops sweeping and waits for the batch in progress to settle. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    this.#loop = undefined;
  }

  /** Fires everything due at `now` (the clock's now by default), batch after batch. For tests and demos. */
  async runDue(now: number = this.#clock.now()): Promise<SweepReport> {
    const total = emptyReport();
    for (;;) {
      const report = await this.#sweepOnce(now);
      add(total, report);
      if (handled(report) === 0) return total;
    }
  }

  async #sweepForever(): Promise<void> {
    while (this.#running) {
      let busy = false;
      try {
        const report = await this.#sweepOnce(this.#clock.now());
        busy = handled(report) > 0;
      } catch (error) {
        this.#onError(error);
      }
      if (!busy && this.#running) await this.#sleep(this.#pollMs);
      // Between busy sweeps, let the requests waiting for the database in first (the embedded database
      // has one connection, which a sweep holds for its transaction).
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timeout = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timeout);
        self.#wake = undefined;
        resolve();
      }
      this.#wake = done;
    });
  }

  async #sweepOnce(now: number): Promise<SweepReport> {
    const report = emptyReport();
    if (this.#transactional.size > 0) add(report, await this.#fireInTransaction(now));
    if (this.#leased.size > 0) add(report, await this.#fireLeased(now));
    return report;
  }

  async #fireInTransaction(now: number): Promise<SweepReport> {
    const report = emptyReport();
    const fired: Timer[] = [];
    await this.#db.transaction().execute(async (trx) => {
      const timers = await lockDue(trx, [...this.#transactional.keys()], now, this.#batchSize);
      const alone: Timer[] = [];
      for (const [kind, group] of byKind(timers)) {
        const batch = this.#batched.get(kind);
        if (batch === undefined || group.length < 2) {
          alone.push(...group);
          continue;
        }
        const running = group.map((timer) => ({ ...timer, state: 'running' as const, attempts: timer.attempts + 1, lockedBy: this.#workerId }));
        await sql`savepoint timer_batch`.execute(trx);
        try {
          await batch.run(running, trx);
          await sql`release savepoint timer_batch`.execute(trx);
          fired.push(...running);
        } catch {
          // Each of them again on its own below, so only a timer that fails alone is retried.
          await sql`rollback to savepoint timer_batch`.execute(trx);
          alone.push(...group);
        }
      }
      for (const timer of alone) {
        const handler = this.#transactional.get(timer.kind)!;
        const running = { ...timer, state: 'running' as const, attempts: timer.attempts + 1, lockedBy: this.#workerId };
        await sql`savepoint timer_handler`.execute(trx);
        try {
          await handler(running, trx);
          await sql`release savepoint timer_handler`.execute(trx);
          fired.push(running);
        } catch (error) {
          await sql`rollback to savepoint timer_handler`.execute(trx);
          const next = afterFailure(this.#retry, running.attempts, now);
          await markFailedLocked(trx, timer.id, next, describeError(error), now);
          report[next.state === 'dead' ? 'dead' : 'retried'] += 1;
        }
      }
      await markFired(trx, fired, now);
    });
    report.fired = fired.length;
    this.#announce(fired);
    return report;
  }

  async #fireLeased(now: number): Promise<SweepReport> {
    const report = emptyReport();
    const timers = await leaseDue(this.#db, { kinds: [...this.#leased.keys()], now, limit: this.#batchSize, workerId: this.#workerId, leaseMs: this.#leaseMs });
    const fired: Timer[] = [];
    const live: typeof timers = [];
    const failed = (timer: Timer, error: unknown): Parameters<typeof settleLeased>[3] => ({
      ...afterFailure(this.#retry, timer.attempts, Math.max(now, this.#clock.now())),
      error: describeError(error),
    });
    /** Settles one timer's outcome on its own. */
    const settleOne = async (timer: (typeof timers)[number], outcome: Parameters<typeof settleLeased>[3]) => {
      const { leaseToken, ...visible } = timer;
      const at = Math.max(now, this.#clock.now());
      const settled = await settleLeased(this.#db, timer.id, leaseToken, outcome, at);
      if (!settled) report.lost += 1;
      else if (outcome.state === 'done') fired.push({ ...visible, state: 'done', firedAt: at });
      else report[outcome.state === 'dead' ? 'dead' : 'retried'] += 1;
    };
    await Promise.all(
      timers.map(async (timer) => {
        if (timer.attempts <= this.#retry.maxAttempts) {
          live.push(timer);
          return;
        }
        const error = `gave up after ${timer.attempts - 1} attempts: the last lease lapsed before its worker settled it (the worker stopped or the handler ran longer than ${this.#leaseMs} ms)`;
        const settled = await settleLeased(this.#db, timer.id, timer.leaseToken, { state: 'dead', dueAt: null, error }, this.#clock.now());
        report[settled ? 'dead' : 'lost'] += 1;
      }),
    );
    const alone: typeof timers = [];
    for (const [kind, group] of byKind(live)) {
      const handler = this.#leased.get(kind)!;
      if (handler.runBatch === undefined || group.length < 2) {
        alone.push(...(group as typeof timers));
        continue;
      }
      const leased = group as typeof timers;
      let errors: readonly (unknown | null)[];
      try {
        errors = await handler.runBatch(leased.map(({ leaseToken: _token, ...visible }) => visible), { db: this.#db });
        if (errors.length !== leased.length) throw new TimerError('invalid_worker', `a batch handler for "${kind}" answered ${errors.length} outcomes for ${leased.length} timers`);
      } catch {
        alone.push(...leased);
        continue;
      }
      const done = leased.filter((_, i) => errors[i] === null);
      const at = Math.max(now, this.#clock.now());
      const settled = new Set(await settleLeasedDone(this.#db, done.map((t) => ({ id: t.id, leaseToken: t.leaseToken })), at));
      for (const timer of done) {
        const { leaseToken: _token, ...visible } = timer;
        if (settled.has(timer.id)) fired.push({ ...visible, state: 'done', firedAt: at });
        else report.lost += 1;
      }
      await Promise.all(leased.map((timer, i) => (errors[i] === null ? undefined : settleOne(timer, failed(timer, errors[i])))));
    }
    await Promise.all(
      alone.map(async (timer) => {
        const { leaseToken: _token, ...visible } = timer;
        let outcome: Parameters<typeof settleLeased>[3];
        try {
          await this.#leased.get(timer.kind)!.run(visible, { db: this.#db, idempotencyKey: timer.id, leaseUntil: timer.lockedUntil! });
          outcome = { state: 'done' };
        } catch (error) {
          outcome = failed(timer, error);
        }
        await settleOne(timer, outcome);
      }),
    );
    report.fired = fired.length;
    this.#announce(fired);
    return report;
  }

  #announce(fired: readonly Timer[]): void {
    if (!this.#onFired || fired.length === 0) return;
    const at = this.#clock.now();
    for (const timer of fired) {
      try {
        this.#onFired(timer, at);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}

/** The default `onError`: every failed sweep is an error in the log, with the worker's name. */
function logSweepErrors(logger: WorkerLogger, workerId: string): (error: unknown) => void {
  return (error) => logger.error({ err: error, worker: workerId }, 'timer sweep failed; the worker retries after its poll interval');
}

/** Timers grouped by kind, the kinds in the order they first come. */
function byKind(timers: readonly Timer[]): Map<string, Timer[]> {
  const groups = new Map<string, Timer[]>();
  for (const timer of timers) {
    const group = groups.get(timer.kind);
    if (group) group.push(timer);
    else groups.set(timer.kind, [timer]);
  }
  return groups;
}

function add(total: SweepReport, report: SweepReport): void {
  total.fired += report.fired;
  total.retried += report.retried;
  total.dead += report.dead;
  total.lost += report.lost;
}
