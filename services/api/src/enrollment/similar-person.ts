import { allSamples, type RegistryContext } from '@rollcall/registry';
import { cosineSimilarity, type Embedding } from '@rollcall/vision';

/** An enrolled person whose best sample is at least as similar as the threshold. */
export interface SimilarPerson {
  readonly personId: string;
  readonly score: number;
}

/** Most look-alikes reported per photo: past a handful, the photo itself is the problem. */
export const MAX_SIMILAR = 5;

/**
 * Other people (not `exceptPersonId`) whose best sample scores at or above `threshold`,
 * best first, at most `MAX_SIMILAR`. Every sample of the embedding's model is read and
 * compared: 10 000 samples take ~0.6 s (see docs/decisions/registry.md). Asking the
 * matcher's index (`Vision.Identify`) instead would remove that cost.
 */
export async function findSimilarPeople(
  context: RegistryContext,
  embedding: Embedding,
  threshold: number,
  exceptPersonId: string,
): Promise<SimilarPerson[]> {
  const best = new Map<string, number>();
  for await (const batch of allSamples(context, embedding.modelId)) {
    for (const sample of batch) {
      if (sample.personId === exceptPersonId) continue;
      const score = cosineSimilarity(embedding, sample.embedding);
      if (score >= threshold && score > (best.get(sample.personId) ?? -Infinity)) {
        best.set(sample.personId, score);
      }
    }
  }
  return [...best]
    .map(([personId, score]) => ({ personId, score }))
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
    .slice(0, MAX_SIMILAR);
}
