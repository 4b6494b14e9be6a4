import { checkPackFiles, type FileCheck } from './check-pack-files';
import { ChecksumCache } from './checksum-cache';
import type { KnownPack } from './list-packs';
import { defaultPackSettings, type PackSettings } from './pack-settings';

/** Whether a pack can run here, for `rollcall models list` and `verify`. */
export interface PackStatus {
  readonly name: string;
  readonly origin: KnownPack['origin'];
  /** `installed`: every file found and matching; otherwise what is wrong. */
  readonly state: 'installed' | 'incomplete' | 'corrupt';
  readonly files: readonly FileCheck[];
}

/**
 * Checks a pack's files on the search path. With `hash: false` only sizes are compared,
 * which is what `models list` needs to answer "installed?" at a glance; `models verify`
 * hashes (cached by path, size and mtime).
 */
export async function packStatus(
  pack: KnownPack,
  hash: boolean,
  settings: PackSettings = defaultPackSettings(),
): Promise<PackStatus> {
  const files = await checkPackFiles(pack.manifest, {
    searchPath: settings.modelPath,
    modelsDir: settings.modelsDir,
    hash,
    cache: ChecksumCache.inFolder(settings.cacheDir),
  });
  const state = files.some((f) => f.status === 'mismatch')
    ? 'corrupt'
    : files.some((f) => f.status === 'missing')
      ? 'incomplete'
      : 'installed';
  return { name: pack.manifest.name, origin: pack.origin, state, files };
}
