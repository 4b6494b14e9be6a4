// Public surface of @rollcall/embedder: the batch worker on the faces stream and the
// Vision gRPC service it hosts.
export { Batcher, type BatcherOptions } from './batcher';
export { CropEmbedder } from './crop-embedder';
export {
  EMBEDDER_GROUP,
  runEmbedderWorker,
  type EmbedderRun,
  type EmbedderStats,
  type EmbedderWorkerOptions,
} from './embedder-worker';
export {
  embedderSettingsSchema,
  loadEmbedderSettings,
  type EmbedderSettings,
} from './embedder-settings';
export { ImageAnalyst, type ImageAnalysis } from './image-analyst';
export { CANDIDATES_PER_FACE, matchAgainstRegistry, type FaceMatch } from './registry-match';
export { createVisionService, type VisionServiceOptions } from './vision-service';
