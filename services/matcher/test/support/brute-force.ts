import type { Candidate } from '../../src/search/search-types';

/** One enrolled sample, as the reference search sees it. */
export interface Sample {
  readonly personId: string;
  readonly vector: Float32Array;
}

/**
 * The obvious search, in double precision over unnormalised input: cosine of every
 * sample, best per person, the k best persons. The index must agree with it.
 */
export function bruteForce(samples: readonly Sample[], query: Float32Array, k: number) {
  const best = new Map<string, number>();
  for (const { personId, vector } of samples) {
    const score = cosine(vector, query);
    if (score > (best.get(personId) ?? -Infinity)) best.set(personId, score);
  }
  return [...best]
    .map(([personId, score]): Candidate => ({ personId, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return dot / Math.sqrt(na * nb);
}
