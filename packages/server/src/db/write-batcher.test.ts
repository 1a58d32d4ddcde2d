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
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { calls, write, finishAll };
}

describe('WriteBatcher', () => {
  it('writes an item at once when nothing waits, and gathers what arrives while statements are in flight', async () => {
    const w = controlledWrite();
    const batcher = new WriteBatcher({ write: w.write, maxInFlight: 1, maxBatch: 3 });
    const results = [1, 2, 3, 4, 5, 6].map((i) => batcher.submit(i));
    expect(w.calls).toEqual([[1]]);
    await w.finishAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(w.calls).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('keeps up to maxInFlight statements going side by side', async () => {
    const w = controlledWrite();
    const batcher = new WriteBatcher({ write: w.write, maxInFlight: 2 });
    const results = [1, 2, 3, 4].map((i) => batcher.submit(i));
    expect(w.calls).toEqual([[1], [2]]);
    await w.finishAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(w.calls).toEqual([[1], [2], [3, 4]]);
  });

  it('settles a submitter only after its own statement, and fails only the bad item of a failed batch', async () => {
    const w = controlledWrite((item) => item === 3);
    const batcher = new WriteBatcher({ write: w.write, maxInFlight: 1 });
    const settled: string[] = [];
    const results = [1, 2, 3, 4].map((i) =>
      batcher.submit(i).then(
        (value) => settled.push(`${i}:${value}`),
        (error: Error) => settled.push(`${i}:${error.message}`),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);
    await w.finishAll();
    await Promise.all(results);
    expect(settled.sort()).toEqual(['1:10', '2:20', '3:cannot write 3', '4:40']);
    // The batch of 2, 3 and 4 failed as a whole; each was then written alone.
    expect(w.calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('refuses a write that answers the wrong number of results', async () => {
    const batcher = new WriteBatcher<number, number>({ write: async () => [] });
    await expect(batcher.submit(1)).rejects.toThrow(/answered 0 results for 1 items/);
  });
});
