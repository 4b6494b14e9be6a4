export { MATCHER_GROUP, runMatcher, type RunMatcherOptions } from './run-matcher';
export { createMatchHandler, type MatchHandlerOptions } from './match-handler';
export {
  redisCameraThresholds,
  type CameraThresholdLookup,
  type CameraThresholdOptions,
} from './camera-threshold';
export { packModel, type PackModel } from './pack-model';
