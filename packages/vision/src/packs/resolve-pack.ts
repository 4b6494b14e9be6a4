import { RollcallError } from '@rollcall/errors';
import { checkPackFiles, type FileCheck } from './check-pack-files';
import { ChecksumCache } from './checksum-cache';
import { describeSearch } from './file-candidates';
import { findPack } from './list-packs';
import type { LoadedPack } from './loaded-pack';
import type { PackManifest } from './manifest';
import { defaultPackSettings, type PackSettings } from './pack-settings';
import { sourceHint } from './source-hint';

/**
 * Finds every file of a pack on the model search path and verifies its size and sha256
 * (hashes are cached by path, size and mtime, so this is quick after the first start).
 * Throws `PACK_CHECKSUM_MISMATCH` when a file is there but wrong, else `PACK_FILE_MISSING`
 * listing every missing file with where it looked and how to get it.
 */
export async function resolvePack(
  manifest: PackManifest,
  settings: PackSettings = defaultPackSettings(),
): Promise<LoadedPack> {
  const checks = await checkPackFiles(manifest, {
    searchPath: settings.modelPath,
    modelsDir: settings.modelsDir,
    hash: true,
    cache: ChecksumCache.inFolder(settings.cacheDir),
  });

  throwIfUnusable(manifest, checks, settings);
  const files = new Map(checks.map((c) => [c.entry.name, c.path as string]));
  return { manifest, files };
}

/** `resolvePack` for a pack known by name (shipped or installed with its own manifest). */
export async function loadPack(
  name: string,
  settings: PackSettings = defaultPackSettings(),
): Promise<LoadedPack> {
  return resolvePack(findPack(name, settings).manifest, settings);
}

export function throwIfUnusable(
  manifest: PackManifest,
  checks: readonly FileCheck[],
  settings: PackSettings,
): void {
  const wrong = checks.filter((c) => c.status === 'mismatch');
  const missing = checks.filter((c) => c.status === 'missing');
  if (wrong.length > 0) throw checksumMismatch(manifest.name, wrong);
  if (missing.length > 0) throw fileMissing(manifest.name, missing, settings.modelPath);
}

function checksumMismatch(pack: string, wrong: readonly FileCheck[]): RollcallError {
  const lines = wrong.flatMap((c) => c.rejected.map((r) => `  ${r.path} ${r.reason}`));
  return new RollcallError(
    'PACK_CHECKSUM_MISMATCH',
    `Pack ${pack}: ${wrong.length} file(s) do not match the manifest:\n${lines.join('\n')}\n` +
      `Delete or replace them with the published files ` +
      `(rollcall models install ${pack} --from <folder>).`,
    {
      details: {
        pack,
        files: wrong.map((c) => ({ name: c.entry.name, rejected: c.rejected })),
      },
    },
  );
}

function fileMissing(
  pack: string,
  missing: readonly FileCheck[],
  searchPath: readonly string[],
): RollcallError {
  const looked = describeSearch(searchPath, pack);
  const lines = missing.map((c) => {
    const names = [c.entry.name, ...c.entry.aliases].join(' or ');
    return `  ${names}: ${sourceHint(pack, c.entry)}`;
  });
  return new RollcallError(
    'PACK_FILE_MISSING',
    `Pack ${pack} is missing ${missing.length} file(s):\n${lines.join('\n')}\n` +
      `Looked in: ${looked.join(', ')} (ROLLCALL_MODEL_PATH sets the folders).`,
    {
      details: {
        pack,
        missing: missing.map((c) => ({
          name: c.entry.name,
          aliases: c.entry.aliases,
          hint: sourceHint(pack, c.entry),
        })),
        searched: looked,
      },
    },
  );
}
