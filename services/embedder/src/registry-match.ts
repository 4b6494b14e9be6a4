import type { Candidate } from '@rollcall/contracts';
import { allSamples, type RegistryContext } from '@rollcall/registry';
import { cosineSimilarity, type Embedding } from '@rollcall/vision';

/** The best person for one face, or none above the threshold. */
export interface FaceMatch {
  /** Empty when no person reached the threshold. */
  readonly personId: string;
  readonly score: number;
  /** Best person first, each by their best sample. */
  readonly candidates: Candidate[];
}

/** How many candidates an `Identify` reply lists per face. */
export const CANDIDATES_PER_FACE = 5;

/**
 * Matches faces against every enrolled sample of their model, scanned from the registry
 * on each call: exact, and fine for the enrolment-sized registries this call serves. The
 * matcher service keeps an in-memory index for the camera pipeline.
 */
export async function matchAgainstRegistry(
  registry: RegistryContext,
  embeddings: readonly Embedding[],
  threshold: number,
): Promise<FaceMatch[]> {
  const first = embeddings[0];
  if (first === undefined) return [];

  // Best score per person, per face.
  const best = embeddings.map(() => new Map<string, number>());
  for await (const samples of allSamples(registry, first.modelId)) {
    for (const sample of samples) {
      embeddings.forEach((embedding, f) => {
        const score = cosineSimilarity(embedding, sample.embedding);
        const scores = best[f] as Map<string, number>;
        if (score > (scores.get(sample.personId) ?? -Infinity)) scores.set(sample.personId, score);
      });
    }
  }
  return best.map((scores) => toMatch(scores, threshold));
}

function toMatch(scores: ReadonlyMap<string, number>, threshold: number): FaceMatch {
  const candidates = [...scores]
    .map(([personId, score]) => ({ personId, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, CANDIDATES_PER_FACE);
  const top = candidates[0];
  const matched = top !== undefined && top.score >= threshold;
  return {
    personId: matched ? top.personId : '',
    score: top?.score ?? 0,
    candidates,
  };
}
