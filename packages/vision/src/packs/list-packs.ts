import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@rollcall/config';
import { RollcallError } from '@rollcall/errors';
import type { PackManifest } from './manifest';
import { defaultPackSettings, type PackSettings } from './pack-settings';
import { readManifest } from './read-manifest';

/** A pack whose manifest was found, and where. */
export interface KnownPack {
  readonly manifest: PackManifest;
  readonly manifestPath: string;
  /** `shipped`: in `<repo>/models`; `user`: installed with its own manifest. */
  readonly origin: 'shipped' | 'user';
}

export function shippedManifestsDir(settings: PackSettings): string {
  return settings.manifestsDir ?? path.join(findRepoRoot(), 'models');
}

/**
 * Every pack with a manifest: those shipped in `<repo>/models/<pack>/manifest.json`, then
 * user packs installed into `ROLLCALL_MODELS_DIR/<pack>/manifest.json`. A shipped manifest
 * wins over an installed copy of the same name, so a stale copy cannot change checksums.
 */
export function listPacks(settings: PackSettings = defaultPackSettings()): KnownPack[] {
  const found = new Map<string, KnownPack>();
  const sources: [string, KnownPack['origin']][] = [
    [shippedManifestsDir(settings), 'shipped'],
    [settings.modelsDir, 'user'],
  ];

  for (const [dir, origin] of sources) {
    for (const manifestPath of manifestsIn(dir)) {
      const manifest = readManifest(manifestPath);
      if (!found.has(manifest.name)) found.set(manifest.name, { manifest, manifestPath, origin });
    }
  }
  return [...found.values()].sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** The pack named `name`, or `PACK_NOT_FOUND` listing the names that exist. */
export function findPack(name: string, settings: PackSettings = defaultPackSettings()): KnownPack {
  const packs = listPacks(settings);
  const pack = packs.find((p) => p.manifest.name === name);
  if (pack) return pack;

  const names = packs.map((p) => p.manifest.name).join(', ');
  throw new RollcallError(
    'PACK_NOT_FOUND',
    `No model pack named "${name}". Known packs: ${names}. Run "rollcall models list".`,
    { details: { name, known: packs.map((p) => p.manifest.name) } },
  );
}

function manifestsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(dir, entry.name, 'manifest.json'))
    .filter((file) => existsSync(file))
    .sort();
}
