import { RowStore } from '../src/search/row-store';
import { seededRandom } from './support/random-vectors';

const DIM = 96;

function integerRow(random: () => number): Int8Array {
  return Int8Array.from({ length: DIM }, () => Math.round(random() * 254 - 127));
}

describe('RowStore', () => {
  it('scores int8 rows exactly, for every query of a batch, across growth', () => {
    const random = seededRandom(31);
    const store = new RowStore('i8', DIM, 4);
    const rows = Array.from({ length: 3000 }, () => integerRow(random));
    rows.forEach((row) => store.append(row));
    const queries = Array.from({ length: 3 }, () => integerRow(random));

    const scores = store.score(queries);

    queries.forEach((q, j) => {
      for (const r of [0, 1, 1023, 1024, 2999]) {
        let want = 0;
        for (let i = 0; i < DIM; i++) want += (rows[r]?.[i] as number) * (q[i] as number);
        expect(scores[j * rows.length + r]).toBe(want);
      }
    });
  });

  it('scores float32 rows within float rounding, and removes by moving the last row', () => {
    const random = seededRandom(32);
    const store = new RowStore('f32', DIM, 2);
    const rows = Array.from({ length: 50 }, () =>
      Float32Array.from({ length: DIM }, () => random() - 0.5),
    );
    rows.forEach((row) => store.append(row));
    store.removeBySwap(10);
    const query = Float32Array.from({ length: DIM }, () => random() - 0.5);

    const scores = store.score([query]);

    expect(store.count).toBe(49);
    const dot = (a: Float32Array) => a.reduce((s, x, i) => s + x * (query[i] as number), 0);
    expect(scores[10]).toBeCloseTo(dot(rows[49] as Float32Array), 5);
    expect(scores[48]).toBeCloseTo(dot(rows[48] as Float32Array), 5);
    expect(scores[0]).toBeCloseTo(dot(rows[0] as Float32Array), 5);
  });
});
