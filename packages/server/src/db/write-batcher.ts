/**
 * Group commit for independent writes: items submitted while the database is busy with earlier ones
 * are written together by one statement, so concurrent requests share its round trip, planning and
 * commit. A statement takes its items only once it holds a connection, so whatever arrives while it
 * waits for one (the embedded database has a single connection) rides along. An item submitted when
 * nothing is waiting is written on the next turn of the event loop (no timer), so a quiet server adds
 * no delay worth measuring. Each submitter's promise
 * settles only when the statement that wrote its item has committed. When a combined write fails,
 * each of its items is written again on its own, so one bad item fails only its own submitter.
 */
export interface WriteBatcherOptions<S, I, O> {
  /** Runs `use` with a database session (a connection) held for it. */
  session<T>(use: (session: S) => Promise<T>): Promise<T>;
  /** Writes the items in one atomic statement on the session; answers one result per item, in order. */
  write(session: S, items: readonly I[]): Promise<readonly O[]>;
  /** The most items one statement carries. */
  maxBatch?: number;
  /** How many statements may be in flight at once (the database works on them side by side); 1 by default, which makes the largest batches. */
  maxInFlight?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

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
    let batch: Waiting<I, O>[] = [];
    try {
      // Let requests that have arrived meanwhile in first: a single-threaded embedded database would
      // otherwise serve each request from start to finish before reading the next.
      await new Promise((resolve) => setImmediate(resolve));
      await this.#options.session(async (session) => {
        batch = this.#waiting.splice(0, this.#maxBatch);
        if (batch.length > 0) await this.#write(session, batch);
      });
    } catch (error) {
      // The session could not be had, or a lone item failed: its submitters hear why.
      for (const w of batch) w.reject(error);
    }
  }

  async #write(session: S, batch: Waiting<I, O>[]): Promise<void> {
    let results: readonly O[];
    try {
      results = await this.#options.write(session, batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`a batched write answered ${results.length} results for ${batch.length} items`);
    } catch (error) {
      if (batch.length === 1) throw error;
      // Nothing of the failed statement was written: write each item alone, so only the bad one fails.
      for (const w of batch) await this.#write(session, [w]).catch((e: unknown) => w.reject(e));
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]!));
  }
}
