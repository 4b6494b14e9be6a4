// Public surface of @rollcall/vision. Each stage lives in its own folder, in the order an
// image travels: image -> detect -> align -> recognize -> embedding (compare), with
// quality checks beside detection and packs describing which models run.
export type { RgbImage } from './image/rgb-image';
export type { Box, Point, FivePoints } from './geometry/types';
export type { DetectedFace, DetectOptions, FaceDetector } from './detect/face-detector';
export type { Embedding } from './embedding/embedding';
export type { EmbedOptions, FaceRecognizer } from './recognize/face-recognizer';
export type { InferenceOptions } from './runtime/inference-options';
export { DEFAULT_INFERENCE_OPTIONS } from './runtime/inference-options';
export { openSession, closeAllSessions } from './runtime/onnx-session';
export { inferenceOptionsFromSettings } from './runtime/settings-inference';
export * from './packs';
export * from './analyze';
export { decodeImage } from './image/decode-image';
export type { DecodeOptions } from './image/decode-options';
export { cosineSimilarity } from './embedding/cosine-similarity';
export { createDetector } from './detect/create-detector';
export * from './align';
export * from './recognize';
export * from './embedding';
export * from './quality';
export { iou } from './geometry/iou';
export { cropAndResize, resize, flipHorizontal, toGray } from './image/resize';
export { toChw, writeChw } from './runtime/image-tensor';
