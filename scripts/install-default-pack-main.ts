import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  NO_CONVERTERS,
  findPack,
  installPackSources,
  type ConverterRegistry,
  type PackManifest,
} from '../packages/vision/src/packs';

/**
 * Installs the package-sourced files of a pack. Exit code 1 only for a real integrity
 * problem (a tarball or file whose checksum does not match its pin); anything else, such
 * as being offline, is a warning so `pnpm install` completes, and `rollcall models verify`
 * says later what is missing.
 */
export async function main(args: readonly string[]): Promise<number> {
  const name = args[0] ?? 'rollcall-default';
  const started = Date.now();
  try {
    const manifest = findPack(name).manifest;
    const result = await installPackSources(manifest, undefined, {
      converters: convertersFor(manifest),
      log: (line) => console.log(`rollcall: ${line}`),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const what =
      result.installed.length === 0
        ? `already installed (${result.alreadyInstalled.length} files verified)`
        : `installed ${result.installed.join(', ')}`;
    console.log(`rollcall: model pack ${name} ${what} in ${result.destination} (${seconds} s)`);
    return 0;
  } catch (err) {
    const { code, message } = describe(err);
    if (code === 'PACK_CHECKSUM_MISMATCH') {
      console.error(`rollcall: ${code}: ${message}`);
      return 1;
    }
    const text = code === undefined ? message : `${code}: ${message}`;
    console.warn(`rollcall: model pack ${name} was not assembled (${text})`);
    console.warn('rollcall: run "node scripts/install-default-pack.cjs" when this is fixed.');
    return 0;
  }
}

/**
 * Converters come from @rollcall/model-convert, loaded only when a manifest needs one, so
 * a pack of plain npm files installs without it. The package exports `packConverters`.
 */
function convertersFor(manifest: PackManifest): ConverterRegistry {
  if (!manifest.files.some((f) => f.source.kind === 'npm-converted')) return NO_CONVERTERS;
  const entry = path.join(__dirname, '..', 'packages', 'model-convert', 'src', 'index.ts');
  if (!existsSync(entry)) return NO_CONVERTERS;
  // require, not import(): the TypeScript loader in use (tsx/cjs, jest) hooks require.
  const module = createRequire(__filename)(entry) as { packConverters?: ConverterRegistry };
  return module.packConverters ?? NO_CONVERTERS;
}

// Read by shape: this script sits outside the workspace packages, so it cannot import
// @rollcall/errors (the root has no dependency on it) and must not crash on a plain error.
function describe(err: unknown): { code: string | undefined; message: string } {
  const e = err as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : undefined,
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}
