import type { PackManifest } from './manifest';

/**
 * A pack whose manifest has been read and whose files have been found on the model
 * search path and checked against their sha256. `files` maps each manifest file name
 * to an absolute path; every model constructor takes its paths from here.
 */
export interface LoadedPack {
  readonly manifest: PackManifest;
  readonly files: ReadonlyMap<string, string>;
}
