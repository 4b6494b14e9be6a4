import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RollcallError, isRollcallError } from '@rollcall/errors';
import { checkPackFiles, type FileCheck } from '../check-pack-files';
import { ChecksumCache } from '../checksum-cache';
import { findPack, type KnownPack } from '../list-packs';
import type { PackManifest } from '../manifest';
import { defaultPackSettings, type PackSettings } from '../pack-settings';
import { writePin } from '../pins';
import { readManifest } from '../read-manifest';
import { throwIfUnusable } from '../resolve-pack';
import { placeFile } from './place-file';

/** What an install from a folder did. */
export interface FolderInstallResult {
  readonly pack: string;
  readonly destination: string;
  /** Files copied now. */
  readonly copied: readonly string[];
  /** Files that were already installed and verified. */
  readonly alreadyInstalled: readonly string[];
  /** Files whose sha256 the manifest does not pin: pinned now from the copy. */
  readonly pinnedNow: readonly string[];
}

/**
 * Copies the files of pack `name` found in `folder` (by name or alias, at the top, in
 * `<folder>/<pack>/` or one sub-folder down) into `ROLLCALL_MODELS_DIR/<pack>/`, each after
 * its checksum. Files are copied one by one, so a second folder can supply the rest; when
 * files are still missing or wrong, the error lists them (with the manifest's hint).
 *
 * A pack not shipped with Rollcall can be installed when the folder holds its own
 * `manifest.json`; the manifest is installed beside the files.
 */
export async function installPackFromFolder(
  name: string,
  folder: string,
  settings: PackSettings = defaultPackSettings(),
): Promise<FolderInstallResult> {
  const source = path.resolve(folder);
  if (!existsSync(source) || !statSync(source).isDirectory()) {
    throw new RollcallError('DATA_NOT_FOUND', `${source} is not a folder: pass --from <folder>.`, {
      details: { folder: source },
    });
  }

  const known = packFor(name, source, settings);
  const manifest = known.manifest;
  const destination = path.join(settings.modelsDir, manifest.name);
  const cache = ChecksumCache.inFolder(settings.cacheDir);
  const options = { modelsDir: settings.modelsDir, hash: true, cache };

  const installed = await checkPackFiles(manifest, {
    ...options,
    searchPath: [settings.modelsDir],
  });
  const offered = await checkPackFiles(manifest, { ...options, searchPath: [source] });
  const result = { copied: [] as string[], already: [] as string[], pinned: [] as string[] };

  const final: FileCheck[] = manifest.files.map((entry, i) => {
    const here = installed[i] as FileCheck;
    if (here.status === 'ok' && here.path === path.join(destination, entry.name)) {
      result.already.push(entry.name);
      return here;
    }
    const from = offered[i] as FileCheck;
    if (from.status !== 'ok' && from.status !== 'unpinned') return from;

    const to = path.join(destination, entry.name);
    placeFile(from.path as string, to);
    result.copied.push(entry.name);
    return { ...from, path: to };
  });

  await pinUnpinned(manifest, final, settings, cache, result.pinned);
  if (known.origin === 'user') installManifest(known, destination);
  throwIfUnusable(manifest, final, { ...settings, modelPath: [source, settings.modelsDir] });

  return {
    pack: manifest.name,
    destination,
    copied: result.copied,
    alreadyInstalled: result.already,
    pinnedNow: result.pinned,
  };
}

function packFor(name: string, folder: string, settings: PackSettings): KnownPack {
  try {
    return findPack(name, settings);
  } catch (err) {
    const own = path.join(folder, 'manifest.json');
    if (!isRollcallError(err, 'PACK_NOT_FOUND') || !existsSync(own)) throw err;

    const manifest = readManifest(own);
    if (manifest.name !== name) {
      throw new RollcallError(
        'INVALID_ARGUMENT',
        `${own} describes pack "${manifest.name}", not "${name}": install it under its own name.`,
      );
    }
    return { manifest, manifestPath: own, origin: 'user' };
  }
}

// Trust on first install: a file the manifest cannot pin is pinned from what was copied.
async function pinUnpinned(
  manifest: PackManifest,
  checks: readonly FileCheck[],
  settings: PackSettings,
  cache: ChecksumCache,
  pinned: string[],
): Promise<void> {
  for (const check of checks) {
    if (check.status !== 'unpinned' || check.path === undefined) continue;
    const sha256 = await cache.sha256(check.path);
    writePin(settings.modelsDir, manifest.name, check.entry.name, {
      sha256,
      bytes: statSync(check.path).size,
    });
    pinned.push(check.entry.name);
  }
  cache.save();
}

function installManifest(known: KnownPack, destination: string): void {
  const target = path.join(destination, 'manifest.json');
  if (path.resolve(known.manifestPath) === target) return;
  mkdirSync(destination, { recursive: true });
  copyFileSync(known.manifestPath, target);
}
