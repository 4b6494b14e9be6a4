import { allSamples, type RegistryContext } from '@rollcall/registry';
import { cosineSimilarity, type Embedding } from '@rollcall/vision';

/** The enrolled person, other than `exceptPersonId`, whose best sample is most similar. */
export interface SimilarPerson {
  readonly personId: string;
  readonly score: number;
}

/**
 * The most similar other person at or above `threshold`, or undefined. Every sample of the
 * embedding's model is read and compared: at 2 KiB a sample, 10 000 samples are ~20 MB and
 * a few tens of ms; past that, ask the matcher's index instead.
 */
export async function findSimilarPerson(
  context: RegistryContext,
  embedding: Embedding,
  threshold: number,
  exceptPersonId: string,
): Promise<SimilarPerson | undefined> {
  let best: SimilarPerson | undefined;
  for await (const batch of allSamples(context, embedding.modelId)) {
    for (const sample of batch) {
      if (sample.personId === exceptPersonId) continue;
      const score = cosineSimilarity(embedding, sample.embedding);
      if (score >= threshold && (best === undefined || score > best.score)) {
        best = { personId: sample.personId, score };
      }
    }
  }
  return best;
}
