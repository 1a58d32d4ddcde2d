import { describe, expect, it } from 'vitest';
import { SessionUnavailableError, WriteBatcher, WriteOutcomeUnknownError } from './write-batcher.js';

/** A write whose statements finish only when the test says so. */
function controlledWrite(fail: (item: number) => boolean = () => false) {
  const calls: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: readonly number[]) => {
    calls.push([...items]);
    return new Promise<number[]>((resolve, reject) => {
      pending.push(() => (items.some(fail) ? reject(Object.assign(new Error(`cannot write ${items.find(fail)}`), { code: 'refused' })) : resolve(items.map((i) => i * 10))));
    });
  };
  const finishAll = async () => {
    for (;;) {
      await turns();
      if (pending.length === 0) return;
      pending.shift()!();
    }
  };
  return { calls, write, finishAll };
}

/** Lets a few turns of the event loop pass (the batcher waits one before it takes its items). */
const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** The fakes' database refuses a statement (and rolls it back) with an error that has this code. */
const refused = (error: unknown) => (error as { code?: string }).code === 'refused';

/** A session that is there at once. */
const immediate = <T,>(use: (session: null) => Promise<T>) => use(null);

describe('WriteBatcher', () => {
  it('writes an item on the next turn when nothing waits, and gathers what arrives while statements are in flight', async () => {
    const w = controlledWrite();
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items), wroteNothing: refused, maxInFlight: 1, maxBatch: 3 });
    const first = batcher.submit(1);
    await turns();
    expect(w.calls).toEqual([[1]]);
    const rest = [2, 3, 4, 5, 6].map((i) => batcher.submit(i));
    await w.finishAll();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(w.calls).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('puts what is submitted in the same turn into one statement', async () => {
    const w = controlledWrite();
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items), wroteNothing: refused });
    const results = [1, 2, 3].map((i) => batcher.submit(i));
    await w.finishAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(w.calls).toEqual([[1, 2, 3]]);
  });

  it('takes its items only once it holds a session, so what arrives while it waits for one rides along', async () => {
    const w = controlledWrite();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const batcher = new WriteBatcher({ session: <T,>(use: (session: null) => Promise<T>): Promise<T> => gate.then(() => use(null)), write: (_s: null, items: readonly number[]) => w.write(items), wroteNothing: refused });
    const first = batcher.submit(1);
    await turns();
    const results = [first, ...[2, 3].map((i) => batcher.submit(i))];
    expect(w.calls).toEqual([]);
    open();
    await w.finishAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(w.calls).toEqual([[1, 2, 3]]);
  });

  it('keeps up to maxInFlight statements going side by side', async () => {
    const w = controlledWrite();
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items), wroteNothing: refused, maxInFlight: 2 });
    const results = [batcher.submit(1)];
    await turns();
    results.push(batcher.submit(2));
    await turns();
    expect(w.calls).toEqual([[1], [2]]);
    results.push(...[3, 4].map((i) => batcher.submit(i)));
    await w.finishAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(w.calls).toEqual([[1], [2], [3, 4]]);
  });

  it('settles a submitter only after its own statement, and fails only the bad item of a failed batch', async () => {
    const w = controlledWrite((item) => item === 3);
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items), wroteNothing: refused, maxInFlight: 1 });
    const settled: string[] = [];
    const submit = (i: number) =>
      batcher.submit(i).then(
        (value) => settled.push(`${i}:${value}`),
        (error: Error) => settled.push(`${i}:${error.message}`),
      );
    const results = [submit(1)];
    await turns();
    results.push(...[2, 3, 4].map(submit));
    await turns();
    expect(settled).toEqual([]);
    await w.finishAll();
    await Promise.all(results);
    expect(settled.sort()).toEqual(['1:10', '2:20', '3:cannot write 3', '4:40']);
    // The batch of 2, 3 and 4 failed as a whole; each was then written alone.
    expect(w.calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('refuses a write that answers the wrong number of results, without writing again', async () => {
    let writes = 0;
    const batcher = new WriteBatcher<null, number, number>({ session: immediate, write: async () => (writes++, []), wroteNothing: refused });
    const error = await batcher.submit(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteOutcomeUnknownError);
    expect((error as Error).message).toMatch(/answered 0 results for 1 items/);
    expect(writes).toBe(1);
  });
});

/** A store whose writes commit, and a batcher over it whose connection can be made to fail. */
function committingStore() {
  const rows: number[] = [];
  const store = {
    rows,
    /** Writes the items together, as one committed transaction. */
    commit(items: readonly number[]): number[] {
      rows.push(...items);
      return items.map((i) => rows.lastIndexOf(i) + 1);
    },
  };
  return store;
}

describe('WriteBatcher when the database fails', () => {
  it('fails every waiting submitter at once when no connection can be had, without retrying in a loop', async () => {
    let attempts = 0;
    const batcher = new WriteBatcher<null, number, number>({
      session: async () => {
        attempts += 1;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
      write: async () => {
        throw new Error('never called');
      },
      wroteNothing: refused,
      maxBatch: 2,
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes) {
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(SessionUnavailableError);
      expect(((o as PromiseRejectedResult).reason as Error).message).toMatch(/ECONNREFUSED/);
    }
    // One attempt per batch (3 items, 2 a batch), and none after everyone has been answered.
    expect(attempts).toBe(2);
    await turns();
    expect(attempts).toBe(2);
  });

  it('does not write a batch again when the connection was lost during COMMIT; it asks the database what was committed', async () => {
    const store = committingStore();
    const settled: number[] = [];
    const batcher = new WriteBatcher<null, number, number>({
      session: immediate,
      write: async (_s, items) => {
        store.commit(items);
        // The commit happened, but its answer never arrived.
        throw new Error('Connection terminated unexpectedly');
      },
      wroteNothing: refused,
      // Reads back what was committed; writes only what is proven absent.
      settle: async (item) => {
        settled.push(item);
        const at = store.rows.indexOf(item);
        return at >= 0 ? at + 1 : store.commit([item])[0]!;
      },
    });
    const results = await Promise.all([1, 2, 3].map((i) => batcher.submit(i)));
    expect(store.rows).toEqual([1, 2, 3]);
    expect(results).toEqual([1, 2, 3]);
    expect(settled.sort()).toEqual([1, 2, 3]);
  });

  it('answers "outcome unknown" (and writes nothing again) when the database cannot say what was committed', async () => {
    const store = committingStore();
    const batcher = new WriteBatcher<null, number, number>({
      session: immediate,
      write: async (_s, items) => {
        store.commit(items);
        return items.slice(1).map(() => 0); // committed, but the answer does not add up
      },
      wroteNothing: refused,
      settle: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
    });
    const outcomes = await Promise.allSettled([1, 2].map((i) => batcher.submit(i)));
    expect(store.rows).toEqual([1, 2]);
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WriteOutcomeUnknownError);
  });

  it('asks again when settling fails on a connection that died with the first write', async () => {
    const store = committingStore();
    let asked = 0;
    const batcher = new WriteBatcher<null, number, number>({
      session: immediate,
      write: async (_s, items) => {
        store.commit(items);
        throw new Error('Connection terminated unexpectedly');
      },
      wroteNothing: refused,
      settle: async (item) => {
        asked += 1;
        if (asked <= 2) throw new Error('Connection terminated unexpectedly');
        return store.rows.indexOf(item) + 1;
      },
    });
    expect(await Promise.all([1, 2].map((i) => batcher.submit(i)))).toEqual([1, 2]);
    expect(store.rows).toEqual([1, 2]);
  });

  it('without a way to settle, an unknown outcome fails each submitter with WriteOutcomeUnknownError and writes nothing twice', async () => {
    const store = committingStore();
    const batcher = new WriteBatcher<null, number, number>({
      session: immediate,
      write: async (_s, items) => {
        store.commit(items);
        throw new Error('Connection terminated unexpectedly');
      },
      wroteNothing: refused,
    });
    const outcomes = await Promise.allSettled([1, 2].map((i) => batcher.submit(i)));
    expect(store.rows).toEqual([1, 2]);
    for (const o of outcomes) {
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WriteOutcomeUnknownError);
      expect(((o as PromiseRejectedResult).reason as Error).message).toMatch(/may or may not have been committed/);
    }
  });

  it('writes items one by one only after the database refused the whole statement (it rolled back)', async () => {
    const store = committingStore();
    const batcher = new WriteBatcher<null, number, number>({
      session: immediate,
      write: async (_s, items) => {
        if (items.includes(2)) throw Object.assign(new Error('duplicate key'), { code: 'refused' });
        return store.commit(items);
      },
      wroteNothing: refused,
      settle: async () => {
        throw new Error('not called when the database refused the write');
      },
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.rows).toEqual([1, 3]);
  });
});
