import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { sha256Hex } from './secrets.js';
import { type CounterState, EMPTY_COUNTER, finishAttempt, type Outcome, startAttempt, type ThrottleRule } from './throttle-rules.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * What is throttled, and how. Sign-in is counted by the address typed (known or not, so the answer
 * never tells whether it exists) and by the client address; API token creation by the user; phone
 * PINs by the provider whose PINs are being tried, whichever token or voice provider sends them.
 */
export const THROTTLE_RULES = {
  /** 5 wrong passwords free; then 1 s, 2 s, 4 s … up to 15 min between tries; the right password clears it. */
  signin_address: { free: 5, baseDelayMs: SECOND, maxDelayMs: 15 * MINUTE, forgiveMs: 15 * MINUTE, resetOnSuccess: true },
  /** 30 wrong passwords from one client address free (offices share one); then 1 s doubling up to 5 min. */
  signin_ip: { free: 30, baseDelayMs: SECOND, maxDelayMs: 5 * MINUTE, forgiveMs: MINUTE, resetOnSuccess: false },
  /** 20 tokens at once, then about one every 3 min. */
  token_create: { free: 20, baseDelayMs: 30 * SECOND, maxDelayMs: 15 * MINUTE, forgiveMs: 3 * MINUTE, resetOnSuccess: false, countsEveryUse: true },
  /** 10 wrong PINs free; then 2 s doubling up to 15 min; about 10 wrong PINs an hour forgiven (a script needs years for 6 digits). */
  phone_pin: { free: 10, baseDelayMs: 2 * SECOND, maxDelayMs: 15 * MINUTE, forgiveMs: 6 * MINUTE, resetOnSuccess: false },
} satisfies Record<string, ThrottleRule>;

export type ThrottleScope = keyof typeof THROTTLE_RULES;

export interface ThrottleKey {
  scope: ThrottleScope;
  /** The address, client IP, user or provider; stored only as a hash. */
  key: string;
}

/** A refused attempt: 429 with `Retry-After` (whole seconds, at least 1). */
export class TooManyAttempts extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    super('too_many_attempts', message ?? `Too many attempts; try again in ${describeWait(retryAfterSeconds)}.`);
  }
}

/** Sends `Retry-After` with every refusal by the throttle. */
export function installThrottleHeaders(app: FastifyInstance): void {
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof TooManyAttempts) reply.header('retry-after', String(error.retryAfterSeconds));
  });
}

/** An attempt that was let through and is counted as under way until it ends. */
export interface Attempt {
  finish(outcome: Outcome): Promise<void>;
}

/** Rows idle for longer than this, and no longer locked, are deleted now and then. */
const IDLE_ROW_MS = 24 * 60 * MINUTE;
const PRUNE_EVERY = 500;

/**
 * The throttle over the `throttle_counters` table: each attempt locks its counters' rows, so every
 * API process sharing the database sees the same counts, and parallel attempts are counted one by one
 * before any of them is checked.
 */
export class Throttle {
  private finished = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly rules: Record<ThrottleScope, ThrottleRule> = THROTTLE_RULES,
  ) {}

  /** Counts an attempt under all `keys`, or refuses it with `TooManyAttempts` when any of them is throttled. */
  async start(keys: readonly ThrottleKey[]): Promise<Attempt> {
    const rows = keyRows(keys);
    const refusal = await this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      const states = await lockCounters(trx, rows, now);
      let retryAfterMs = 0;
      const next: CounterState[] = [];
      for (const row of rows) {
        const decision = startAttempt(states.get(row.id)!, this.rules[row.scope], now);
        if (decision.allowed) next.push(decision.next);
        else retryAfterMs = Math.max(retryAfterMs, decision.retryAfterMs);
      }
      if (retryAfterMs > 0) return retryAfterMs;
      for (const [i, row] of rows.entries()) await writeCounter(trx, row, next[i]!, now);
      return 0;
    });
    if (refusal > 0) throw new TooManyAttempts(Math.max(1, Math.ceil(refusal / SECOND)));
    return { finish: (outcome) => this.finish(rows, outcome) };
  }

  /** Runs `attempt` counted under `keys`: an error that `isFailure` picks counts as a failure, other errors do not count. */
  async guard<T>(keys: readonly ThrottleKey[], attempt: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
    const started = await this.start(keys);
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      await started.finish(isFailure(error) ? 'failure' : 'void');
      throw error;
    }
    await started.finish('success');
    return result;
  }

  private async finish(rows: KeyRow[], outcome: Outcome): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      const states = await lockCounters(trx, rows, now);
      for (const row of rows) await writeCounter(trx, row, finishAttempt(states.get(row.id)!, this.rules[row.scope], now, outcome), now);
    });
    if (++this.finished % PRUNE_EVERY === 0) await this.prune();
  }

  /** Deletes counters nobody has used for a day and that hold no lock. */
  async prune(): Promise<void> {
    const now = this.clock.now();
    await this.db
      .deleteFrom('throttle_counters')
      .where('updated_at', '<', new Date(now - IDLE_ROW_MS))
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', new Date(now))]))
      .execute();
  }
}

interface KeyRow {
  id: string;
  scope: ThrottleScope;
  keyHash: string;
}

/** One row per distinct key, in one fixed order so that concurrent attempts lock rows alike (no deadlock). */
function keyRows(keys: readonly ThrottleKey[]): KeyRow[] {
  const rows = new Map<string, KeyRow>();
  for (const { scope, key } of keys) {
    const keyHash = sha256Hex(`${scope}\u0000${key}`);
    rows.set(`${scope}:${keyHash}`, { id: `${scope}:${keyHash}`, scope, keyHash });
  }
  return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function lockCounters(trx: Kysely<Database>, rows: KeyRow[], now: number): Promise<Map<string, CounterState>> {
  const empty = EMPTY_COUNTER(now);
  await trx
    .insertInto('throttle_counters')
    .values(rows.map((row) => ({ scope: row.scope, key_hash: row.keyHash, failures: 0, failures_since: new Date(now), pending: 0, updated_at: new Date(now) })))
    .onConflict((oc) => oc.columns(['scope', 'key_hash']).doNothing())
    .execute();
  const states = new Map<string, CounterState>();
  for (const row of rows) {
    const found = await trx
      .selectFrom('throttle_counters')
      .select(['failures', 'failures_since', 'pending', 'pending_since', 'blocked_until'])
      .where('scope', '=', row.scope)
      .where('key_hash', '=', row.keyHash)
      .forUpdate()
      .executeTakeFirst();
    states.set(
      row.id,
      found
        ? {
            failures: found.failures,
            failuresSince: found.failures_since.getTime(),
            pending: found.pending,
            pendingSince: found.pending_since?.getTime() ?? null,
            blockedUntil: found.blocked_until?.getTime() ?? null,
          }
        : empty,
    );
  }
  return states;
}

async function writeCounter(trx: Kysely<Database>, row: KeyRow, state: CounterState, now: number): Promise<void> {
  await trx
    .updateTable('throttle_counters')
    .set({
      failures: state.failures,
      failures_since: new Date(state.failuresSince),
      pending: state.pending,
      pending_since: state.pendingSince === null ? null : new Date(state.pendingSince),
      blocked_until: state.blockedUntil === null ? null : new Date(state.blockedUntil),
      updated_at: new Date(now),
    })
    .where('scope', '=', row.scope)
    .where('key_hash', '=', row.keyHash)
    .execute();
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
