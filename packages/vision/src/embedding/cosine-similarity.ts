import { RollcallError } from '@rollcall/errors';
import type { Embedding } from './embedding';

/**
 * Cosine similarity of two embeddings of the same model, in [-1, 1]. The norms are
 * divided out even though embeddings are stored normalised, so a vector that lost
 * precision in storage still compares correctly.
 */
export function cosineSimilarity(a: Embedding, b: Embedding): number {
  if (a.modelId !== b.modelId) {
    throw new RollcallError(
      'EMBEDDING_MODEL_MISMATCH',
      `Cannot compare an embedding of "${a.modelId}" with one of "${b.modelId}": ` +
        're-enrol the person with the current model pack.',
      { details: { modelIds: [a.modelId, b.modelId] } },
    );
  }
  if (a.vector.length !== b.vector.length) {
    throw new RollcallError(
      'EMBEDDING_DIMENSION_MISMATCH',
      `Embeddings of "${a.modelId}" have ${a.vector.length} and ${b.vector.length} ` +
        'dimensions: one of them is corrupt; re-enrol it.',
      { details: { modelId: a.modelId, dimensions: [a.vector.length, b.vector.length] } },
    );
  }

  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.vector.length; i++) {
    const x = a.vector[i] as number;
    const y = b.vector[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
