export { MATCHER_GROUP, runMatcher, type RunMatcherOptions } from './run-matcher';
export { createMatchHandler, type MatchHandlerOptions } from './match-handler';
export {
  redisCameraThresholds,
  type CameraThresholdLookup,
  type CameraThresholdOptions,
} from './camera-threshold';
export {
  redisSettingsThreshold,
  type SettingsThresholdLookup,
  type SettingsThresholdOptions,
} from './settings-threshold';
export { chooseThreshold, type ThresholdSources } from './choose-threshold';
export { packModel, type PackModel } from './pack-model';
