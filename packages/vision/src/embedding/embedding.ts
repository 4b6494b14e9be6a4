/**
 * A face embedding: an L2-normalised vector tagged with the id of the model that made it,
 * so embeddings of different models are never compared by accident.
 */
export interface Embedding {
  readonly modelId: string;
  readonly vector: Float32Array;
}
