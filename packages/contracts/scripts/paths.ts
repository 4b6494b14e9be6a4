import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The package root (this file is `packages/contracts/scripts/paths.ts`). */
export const PACKAGE_ROOT = path.resolve(__dirname, '..');
export const PROTO_ROOT = path.resolve(PACKAGE_ROOT, '..', '..', 'proto');
export const GENERATED_DIR = path.join(PACKAGE_ROOT, 'src', 'generated');

/** Every file under `dir`, as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
