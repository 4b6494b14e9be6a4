import { RollcallError } from '@rollcall/errors';
import type { Embedding } from '../embedding/embedding';
import { l2Normalise } from '../embedding/l2-normalise';

/** One model's share of a fused embedding. */
export interface FusionPart {
  readonly modelId: string;
  readonly weight: number;
}

/**
 * The id of a fused embedding names every part and its weight, in order, so two packs
 * that fuse the same models differently never compare their vectors.
 */
export function fusedModelId(parts: readonly FusionPart[]): string {
  return `fused(${parts.map((p) => `${p.modelId}*${p.weight}`).join('+')})`;
}

/** Refuses weights that do not sum to 1: only then is a fused vector of unit length. */
export function checkFusionWeights(parts: readonly FusionPart[]): void {
  const sum = parts.reduce((s, p) => s + p.weight, 0);
  if (Math.abs(sum - 1) > 1e-6) {
    throw new RollcallError(
      'PACK_MANIFEST_INVALID',
      `The recognizer weights (${parts.map((p) => p.weight).join(', ')}) sum to ${sum}: ` +
        'set them so they sum to 1.',
      { details: { weights: parts.map((p) => p.weight) } },
    );
  }
}

/**
 * Concatenates sqrt(w_i) * e_i over the parts, each e_i L2-normalised. With weights
 * summing to 1 the result has unit length, and the dot product of two fused vectors is
 * sum_i w_i * cos_i: the cosine of fused embeddings IS the weighted mean of the per-model
 * cosines, so one threshold and one comparison serve any number of models.
 */
export function fuseEmbeddings(
  embeddings: readonly Embedding[],
  parts: readonly FusionPart[],
  modelId = fusedModelId(parts),
): Embedding {
  const size = embeddings.reduce((n, e) => n + e.vector.length, 0);
  const vector = new Float32Array(size);
  let at = 0;

  embeddings.forEach((embedding, i) => {
    const part = parts[i];
    if (part === undefined || part.modelId !== embedding.modelId) {
      throw new RollcallError(
        'EMBEDDING_MODEL_MISMATCH',
        `Fused part ${i} should be an embedding of "${part?.modelId ?? 'nothing'}" but is ` +
          `one of "${embedding.modelId}": pass the parts in the pack's recognizer order.`,
      );
    }

    const scale = Math.sqrt(part.weight);
    const unit = l2Normalise(embedding.vector);
    for (let k = 0; k < unit.length; k++) vector[at + k] = (unit[k] as number) * scale;
    at += unit.length;
  });
  return { modelId, vector };
}
