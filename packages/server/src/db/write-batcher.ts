/**
 * Group commit for independent writes: items submitted while the database is busy with earlier ones
 * are written together by one statement, so concurrent requests share its round trip, planning and
 * commit. A statement takes its items only once it holds a connection, so whatever arrives while it
 * waits for one (the embedded database has a single connection) rides along. An item submitted when
 * nothing is waiting is written on the next turn of the event loop (no timer), so a quiet server adds
 * no delay worth measuring. Each submitter's promise settles only when the statement that wrote its
 * item has committed, or with an error once it is known that it will not be.
 *
 * Failures, and what the submitters hear:
 * - No connection can be had: nothing was written; the items it was to carry fail at once with
 *   {@link SessionUnavailableError} (no retry loop; the next items get their own attempt).
 * - The database refused the combined write and rolled it back (`wroteNothing`): each item is written
 *   again on its own, so one bad item fails only its own submitter.
 * - Anything else (the connection was lost, even during COMMIT; the answer does not add up): whether
 *   the write committed is unknown, so it is never simply repeated. `settle` finds out per item, on a
 *   new connection, in a way that cannot write an item twice; without it, or when that fails too, the
 *   submitters hear {@link WriteOutcomeUnknownError}.
 */
export interface WriteBatcherOptions<S, I, O> {
  /** Runs `use` with a database session (a connection) held for it. */
  session<T>(use: (session: S) => Promise<T>): Promise<T>;
  /** Writes the items in one atomic statement or transaction on the session; answers one result per item, in order. */
  write(session: S, items: readonly I[]): Promise<readonly O[]>;
  /** True when `error`, thrown by `write`, proves that the database committed none of it (it refused the statement). */
  wroteNothing(error: unknown): boolean;
  /**
   * After a write with an unknown outcome: whether `item` was written, found out on a new session
   * without ever writing it twice (for example by writing it again under a key that refuses a second
   * copy, then reading the committed one back). Answers its result, or throws why it cannot be written.
   * It is tried again (a few times, a moment apart) when it fails without the database refusing it.
   */
  settle?(item: I): Promise<O>;
  /** The most items one statement carries. */
  maxBatch?: number;
  /** How many statements may be in flight at once (the database works on them side by side); 1 by default, which makes the largest batches. */
  maxInFlight?: number;
}

/** No database connection could be had, so nothing was written. Safe to retry. */
export class SessionUnavailableError extends Error {
  override readonly name = 'SessionUnavailableError';
  constructor(cause: unknown) {
    super(`No database connection could be had, so nothing was written: ${messageOf(cause)}`, { cause });
  }
}

/** The write may or may not have been committed (the connection was lost while it ran or committed). */
export class WriteOutcomeUnknownError extends Error {
  override readonly name = 'WriteOutcomeUnknownError';
  constructor(cause: unknown) {
    super(`The write may or may not have been committed: ${messageOf(cause)}`, { cause });
  }
}

/** How often, and how far apart (growing fourfold), an unknown outcome is asked about before giving up. */
const SETTLE_ATTEMPTS = 3;
const SETTLE_PAUSE_MS = 50;

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/** How a write on a session ended: committed (and answered), refused by the database, or not known. */
type Outcome = { kind: 'done' } | { kind: 'refused'; error: unknown } | { kind: 'unknown'; error: unknown };

export class WriteBatcher<S, I, O> {
  readonly #options: WriteBatcherOptions<S, I, O>;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  #waiting: Waiting<I, O>[] = [];
  #inFlight = 0;

  constructor(options: WriteBatcherOptions<S, I, O>) {
    this.#options = options;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 32);
    this.#maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    while (this.#inFlight < this.#maxInFlight && this.#waiting.length > 0) {
      this.#inFlight += 1;
      void this.#run().finally(() => {
        this.#inFlight -= 1;
        this.#next();
      });
    }
  }

  async #run(): Promise<void> {
    // Let requests that have arrived meanwhile in first: a single-threaded embedded database would
    // otherwise serve each request from start to finish before reading the next.
    await new Promise((resolve) => setImmediate(resolve));
    await this.#attempt(() => this.#waiting.splice(0, this.#maxBatch));
  }

  /** Writes the items `take` hands over once a session is held, and sees every one of them settled. */
  async #attempt(take: () => Waiting<I, O>[]): Promise<void> {
    let batch: Waiting<I, O>[] | undefined;
    let outcome: Outcome | undefined;
    try {
      await this.#options.session(async (session) => {
        batch = take();
        if (batch.length > 0) outcome = await this.#write(session, batch);
      });
    } catch (error) {
      if (batch === undefined) {
        // No session: nothing was written. The items it was to carry hear why now, rather than wait
        // for a connection that may not come back; items submitted later get their own attempt.
        for (const w of take()) w.reject(new SessionUnavailableError(error));
        return;
      }
      outcome ??= { kind: 'unknown', error };
    }
    if (batch === undefined || outcome === undefined || outcome.kind === 'done') return;
    if (outcome.kind === 'refused') {
      if (batch.length === 1) {
        batch[0]!.reject(outcome.error);
        return;
      }
      // Nothing of the combined write was committed: write each item alone, so only the bad one fails.
      for (const w of batch) await this.#attempt(() => [w]);
      return;
    }
    const cause = outcome.error;
    await Promise.all(batch.map((w) => this.#settle(w, cause)));
  }

  async #write(session: S, batch: Waiting<I, O>[]): Promise<Outcome> {
    let results: readonly O[];
    try {
      results = await this.#options.write(session, batch.map((w) => w.item));
    } catch (error) {
      return this.#options.wroteNothing(error) ? { kind: 'refused', error } : { kind: 'unknown', error };
    }
    // The write committed, but its answer does not fit the items: what each got is not known from it.
    if (results.length !== batch.length) return { kind: 'unknown', error: new Error(`a batched write answered ${results.length} results for ${batch.length} items`) };
    batch.forEach((w, i) => w.resolve(results[i]!));
    return { kind: 'done' };
  }

  /** Answers a submitter whose write has an unknown outcome with what the database says now. */
  async #settle(w: Waiting<I, O>, cause: unknown): Promise<void> {
    const settle = this.#options.settle;
    if (!settle) {
      w.reject(new WriteOutcomeUnknownError(cause));
      return;
    }
    // Settling is safe to repeat, so a connection that fails again (the pool may lend one that died
    // with the first) gets a few more tries, a moment apart.
    for (let attempt = 1; ; attempt++) {
      try {
        w.resolve(await settle(w.item));
        return;
      } catch (error) {
        if (this.#options.wroteNothing(error)) {
          w.reject(error);
          return;
        }
        if (attempt >= SETTLE_ATTEMPTS) {
          w.reject(new WriteOutcomeUnknownError(error));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS * 4 ** (attempt - 1)));
      }
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
