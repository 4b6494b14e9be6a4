import { isRollcallError } from '@rollcall/errors';

import { SearchIndex } from '../src/search/search-index';
import { bruteForce, type Sample } from './support/brute-force';
import { noisyCopy, seededRandom, unitVector } from './support/random-vectors';

const DIM = 100; // not a multiple of 32, so the zero padding is exercised

function randomGallery(seed: number, people: number, perPerson: number) {
  const random = seededRandom(seed);
  const samples: Sample[] = [];
  const index = new SearchIndex(DIM, { maxBatch: 8 });
  for (let p = 0; p < people; p++) {
    for (let s = 0; s < perPerson; s++) {
      // Unnormalised on purpose: the index must normalise what it is given.
      const vector = unitVector(random, DIM).map((x) => x * (1 + p));
      samples.push({ personId: `p${p}`, vector });
      index.add(`p${p}`, `s${s}`, vector);
    }
  }
  return { random, samples, index };
}

function expectSameRanking(
  got: readonly { personId: string; score: number }[],
  want: readonly { personId: string; score: number }[],
) {
  expect(got.map((c) => c.personId)).toEqual(want.map((c) => c.personId));
  got.forEach((c, i) => expect(c.score).toBeCloseTo(want[i]?.score as number, 5));
}

describe('SearchIndex', () => {
  it('ranks persons exactly as a brute-force search in fp32, in and across batches', () => {
    const { random, samples, index } = randomGallery(1, 700, 3);
    const queries = [
      ...Array.from({ length: 11 }, () => unitVector(random, DIM)),
      ...Array.from({ length: 11 }, (_, i) =>
        noisyCopy(random, samples[i * 37]?.vector as Float32Array, 0.8),
      ),
    ];

    const results = index.search(queries, { k: 7 });

    expect(results).toHaveLength(queries.length);
    queries.forEach((q, i) => expectSameRanking(results[i] ?? [], bruteForce(samples, q, 7)));
  });

  it.each([1, 3])(
    'finds the same top person with int8 and rescoring on noisy copies (%i per person)',
    (perPerson) => {
      const { random, samples, index } = randomGallery(2 + perPerson, 1500, perPerson);
      const queries = Array.from({ length: 40 }, (_, i) =>
        noisyCopy(random, samples[i * 31]?.vector as Float32Array, 1.0),
      );

      const int8 = index.search(queries, { k: 3, precision: 'i8' });

      queries.forEach((q, i) => {
        const want = bruteForce(samples, q, 1)[0];
        expect(int8[i]?.[0]?.personId).toBe(want?.personId);
        expect(int8[i]?.[0]?.score).toBeCloseTo(want?.score as number, 5);
      });
    },
  );

  it('scores a person by their best sample and lists each person once', () => {
    const random = seededRandom(3);
    const index = new SearchIndex(DIM);
    const a = [unitVector(random, DIM), unitVector(random, DIM), unitVector(random, DIM)];
    a.forEach((v, i) => index.add('alice', `a${i}`, v));
    index.add('bob', 'b0', noisyCopy(random, a[1] as Float32Array, 0.5));

    const [found] = index.search([a[1] as Float32Array], { k: 5 });

    expect(found?.map((c) => c.personId)).toEqual(['alice', 'bob']);
    expect(found?.[0]?.score).toBeCloseTo(1, 5);
  });

  it('forgets removed samples and people, and keeps the others findable', () => {
    const { samples, index } = randomGallery(4, 50, 2);
    for (let p = 0; p < 50; p += 3) index.remove(`p${p}`, 's0');
    for (let p = 1; p < 50; p += 5) {
      index.remove(`p${p}`, 's0');
      index.remove(`p${p}`, 's1');
    }
    const kept = samples.filter((_, i) => {
      const p = Math.floor(i / 2);
      const s = i % 2;
      return !((p % 3 === 0 && s === 0) || p % 5 === 1);
    });

    expect(index.samples).toBe(kept.length);
    expect(index.people).toBe(new Set(kept.map((s) => s.personId)).size);
    for (const sample of kept.slice(0, 30)) {
      const [found] = index.search([sample.vector], { k: 4 });
      expectSameRanking(found ?? [], bruteForce(kept, sample.vector, 4));
    }
    expect(index.remove('p1', 's0')).toBe(false);
  });

  it('refuses a query of another dimension with a coded error', () => {
    const { index } = randomGallery(5, 3, 1);
    let caught: unknown;
    try {
      index.search([new Float32Array(DIM + 1)]);
    } catch (error) {
      caught = error;
    }
    expect(isRollcallError(caught, 'EMBEDDING_DIMENSION_MISMATCH')).toBe(true);
  });
});
