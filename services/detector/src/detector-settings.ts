import { loadConfig, type Env } from '@rollcall/config';
import { z } from 'zod';

import {
  readBatchSetting,
  toWorkerSettings,
  workerSettingsShape,
  type WorkerSettings,
} from './worker-settings';

export interface DetectorSettings extends WorkerSettings {
  /** `ROLLCALL_DETECTOR_BATCH`: frames read per XREADGROUP. Default 4. */
  readonly readBatch: number;
}

// Few frames per read: a frame takes ~100 ms to detect on one core, and frames read but not
// yet handled wait in this worker while another worker may be idle.
const DEFAULT_READ_BATCH = 4;

export const detectorSettingsSchema = z
  .object({
    ...workerSettingsShape,
    ROLLCALL_DETECTOR_BATCH: readBatchSetting.default(DEFAULT_READ_BATCH),
  })
  .transform((env): DetectorSettings => ({
    ...toWorkerSettings(env),
    readBatch: env.ROLLCALL_DETECTOR_BATCH,
  }));

/** The detector's settings from `env`: validated once, every bad variable listed, frozen. */
export function loadDetectorSettings(env: Env = process.env): DetectorSettings {
  return loadConfig(detectorSettingsSchema, env);
}
