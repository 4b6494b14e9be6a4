import { visionSettings, type VisionSettings } from '@rollcall/config';

/** The settings the pack code reads: a subset of the vision settings, so tests pass their own. */
export type PackSettings = Pick<VisionSettings, 'modelPath' | 'modelsDir' | 'cacheDir'> & {
  /** Folder holding `<pack>/manifest.json` for the packs shipped with Rollcall. */
  readonly manifestsDir?: string;
};

export function defaultPackSettings(): PackSettings {
  return visionSettings();
}
