import { l2Normalise, type Embedding } from '@rollcall/vision';

/** A unit vector of `dimension` values drawn from a seeded generator (reproducible). */
export function seededEmbedding(modelId: string, seed: number, dimension = 512): Embedding {
  let state = seed >>> 0 || 1;
  const values = Array.from({ length: dimension }, () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0xffffffff - 0.5;
  });
  return { modelId, vector: l2Normalise(values) };
}
