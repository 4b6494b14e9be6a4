// Public surface of @rollcall/detector: the worker, and the frame/face conversions the
// embedder shares (a crop made here is read there).
export { FaceFinder } from './face-finder';
export {
  DETECTOR_GROUP,
  runDetectorWorker,
  throwOnFailedStep,
  type DetectorRun,
  type DetectorStats,
  type DetectorWorkerOptions,
} from './detector-worker';
export {
  loadDetectorSettings,
  detectorSettingsSchema,
  type DetectorSettings,
} from './detector-settings';
export {
  defaultConsumerName,
  readBatchSetting,
  toWorkerSettings,
  workerSettingsShape,
  type WorkerSettings,
} from './worker-settings';
export { asBadEntry } from './bad-input';
export { framePixels } from './frame-pixels';
export { fromRawImage, toRawImage } from './proto-images';
export { toFivePoints, toProtoPoints, toProtoQuality } from './proto-faces';
export { cropTemplateKey, packTemplates } from './pack-templates';
