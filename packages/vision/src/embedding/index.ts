export type { Embedding } from './embedding';
export { l2Normalise } from './l2-normalise';
export { cosineSimilarity } from './cosine-similarity';
export {
  encodeEmbedding,
  decodeEmbedding,
  embeddingToBase64,
  embeddingFromBase64,
} from './embedding-codec';
