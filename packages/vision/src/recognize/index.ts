export type { EmbedOptions, FaceRecognizer } from './face-recognizer';
export { OnnxEmbeddingRecognizer, type RecognizerTuning } from './onnx-embedding-recognizer';
export {
  checkFusionWeights,
  fuseEmbeddings,
  fusedModelId,
  type FusionPart,
} from './fuse-embeddings';
export { FusedRecognizer, templateKey, type CropsByTemplate } from './fused-recognizer';
export { openPackRecognizer } from './open-pack-recognizer';
