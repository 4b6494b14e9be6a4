// Public surface of @rollcall/config: one loader, shared value parsers, and one schema per
// area (vision now; services add theirs beside it and load it with the same helper).
export { loadConfig, configInvalid, type Env, type SettingProblem } from './load-config';
export { intSetting, pathSetting, pathListSetting, enumSetting } from './env-values';
export { deepFreeze } from './deep-freeze';
export { findRepoRoot, sharedRoot } from './repo-root';
export {
  loadVisionSettings,
  visionSettings,
  visionSettingsSchema,
  visionDefaults,
  type VisionSettings,
  type VisionDefaults,
} from './vision-settings';
