import { Batcher } from '../src';

describe('Batcher', () => {
  it('runs a full batch at once and a partial one after the wait', async () => {
    const runs: number[][] = [];
    const batcher = new Batcher(
      (items: number[]) => {
        runs.push(items);
        return Promise.resolve(items.map((n) => n * 10));
      },
      { maxItems: 3, maxWaitMs: 5 },
    );

    const full = await Promise.all([1, 2, 3].map((n) => batcher.submit(n)));
    expect(full).toEqual([10, 20, 30]);
    expect(await Promise.all([4, 5].map((n) => batcher.submit(n)))).toEqual([40, 50]);
    expect(runs).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('fails every item of a batch whose run fails, or gives the wrong count', async () => {
    const failing = new Batcher<number, number>(() => Promise.reject(new Error('model down')), {
      maxItems: 2,
      maxWaitMs: 5,
    });
    const outcomes = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);

    const short = new Batcher<number, number>(() => Promise.resolve([1]), {
      maxItems: 2,
      maxWaitMs: 5,
    });
    await expect(Promise.all([short.submit(1), short.submit(2)])).rejects.toThrow(/2 items gave 1/);
  });
});
