import { readFileSync } from 'node:fs';
import { RollcallError } from '@rollcall/errors';
import { PackManifestSchema, type PackManifest } from './manifest';

/** Reads and validates one `manifest.json`; every schema problem is listed in the error. */
export function readManifest(file: string): PackManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RollcallError(
      'PACK_MANIFEST_INVALID',
      `${file} is not readable JSON: ${String(err)}. Fix or remove the file.`,
      { details: { file }, cause: err },
    );
  }
  return parseManifest(raw, file);
}

export function parseManifest(raw: unknown, file: string): PackManifest {
  const parsed = PackManifestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;

  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const lines = issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n');
  throw new RollcallError(
    'PACK_MANIFEST_INVALID',
    `${file} does not match the pack manifest schema (packs/manifest.ts):\n${lines}`,
    { details: { file, issues } },
  );
}
