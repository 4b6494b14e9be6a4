import type { CameraThresholdLookup } from './camera-threshold';
import type { SettingsThresholdLookup } from './settings-threshold';

/** Where a match's open-set threshold can come from, most specific first. */
export interface ThresholdSources {
  /** Field `threshold` of the camera's configuration. */
  readonly camera?: CameraThresholdLookup;
  /** Field `threshold` of the site's settings. */
  readonly settings?: SettingsThresholdLookup;
  /** The model pack's own. */
  readonly pack: number;
}

/**
 * The threshold for a face from `cameraId`: the camera's own when it has one, else the
 * site's setting when one is set, else the pack's. Both lookups answer from their caches.
 */
export async function chooseThreshold(
  cameraId: string,
  sources: ThresholdSources,
): Promise<number> {
  const own = cameraId === '' ? undefined : await sources.camera?.(cameraId);
  if (own !== undefined) return own;
  return (await sources.settings?.()) ?? sources.pack;
}
