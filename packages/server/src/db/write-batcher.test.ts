import { describe, expect, it } from 'vitest';
import { WriteBatcher } from './write-batcher.js';

/** A write whose statements finish only when the test says so. */
function controlledWrite(fail: (item: number) => boolean = () => false) {
  const calls: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: readonly number[]) => {
    calls.push([...items]);
    return new Promise<number[]>((resolve, reject) => {
      pending.push(() => (items.some(fail) ? reject(new Error(`cannot write ${items.find(fail)}`)) : resolve(items.map((i) => i * 10))));
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

/** A session that is there at once. */
const immediate = <T,>(use: (session: null) => Promise<T>) => use(null);

describe('WriteBatcher', () => {
  it('writes an item on the next turn when nothing waits, and gathers what arrives while statements are in flight', async () => {
    const w = controlledWrite();
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items), maxInFlight: 1, maxBatch: 3 });
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
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items) });
    const results = [1, 2, 3].map((i) => batcher.submit(i));
    await w.finishAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(w.calls).toEqual([[1, 2, 3]]);
  });

  it('takes its items only once it holds a session, so what arrives while it waits for one rides along', async () => {
    const w = controlledWrite();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const batcher = new WriteBatcher({ session: <T,>(use: (session: null) => Promise<T>): Promise<T> => gate.then(() => use(null)), write: (_s: null, items: readonly number[]) => w.write(items) });
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
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items), maxInFlight: 2 });
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
    const batcher = new WriteBatcher({ session: immediate, write: (_s: null, items: readonly number[]) => w.write(items), maxInFlight: 1 });
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

  it('refuses a write that answers the wrong number of results', async () => {
    const batcher = new WriteBatcher<null, number, number>({ session: immediate, write: async () => [] });
    await expect(batcher.submit(1)).rejects.toThrow(/answered 0 results for 1 items/);
  });
});
