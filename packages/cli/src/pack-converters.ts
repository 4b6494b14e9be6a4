import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findRepoRoot } from '@rollcall/config';
import { NO_CONVERTERS, type ConverterRegistry, type PackManifest } from '@rollcall/vision';

/**
 * The converters of @rollcall/model-convert, loaded only when a manifest needs one, so
 * the CLI starts without them and does not depend on that package to list or verify.
 */
export function loadConvertersFor(manifest: PackManifest): ConverterRegistry {
  if (!manifest.files.some((f) => f.source.kind === 'npm-converted')) return NO_CONVERTERS;
  const entry = path.join(findRepoRoot(), 'packages', 'model-convert', 'src', 'index.ts');
  if (!existsSync(entry)) return NO_CONVERTERS;
  // require, not import(): the TypeScript loader in use (tsx/cjs, jest) hooks require.
  const module = createRequire(__filename)(entry) as { packConverters?: ConverterRegistry };
  return module.packConverters ?? NO_CONVERTERS;
}
