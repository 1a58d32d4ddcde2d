/**
 * Group commit for independent writes: items submitted while the database is busy with earlier ones
 * are written together by one statement, so concurrent requests share its round trip, planning and
 * commit. An item submitted when nothing is waiting is written at once, so a quiet server adds no
 * delay. Each submitter's promise settles only when the statement that wrote its item has committed.
 * When a combined write fails, each of its items is written again on its own, so one bad item fails
 * only its own submitter.
 */
export interface WriteBatcherOptions<I, O> {
  /** Writes the items in one atomic statement; answers one result per item, in order. */
  write(items: readonly I[]): Promise<readonly O[]>;
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

export class WriteBatcher<I, O> {
  readonly #write: (items: readonly I[]) => Promise<readonly O[]>;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  #waiting: Waiting<I, O>[] = [];
  #inFlight = 0;

  constructor(options: WriteBatcherOptions<I, O>) {
    this.#write = options.write;
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
      const batch = this.#waiting.splice(0, this.#maxBatch);
      this.#inFlight += 1;
      void this.#flush(batch).finally(() => {
        this.#inFlight -= 1;
        this.#next();
      });
    }
  }

  async #flush(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await this.#write(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`a batched write answered ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // Nothing of the failed statement was written: write each item alone, so only the bad one fails.
      await Promise.all(batch.map((w) => this.#flush([w])));
    }
  }
}
