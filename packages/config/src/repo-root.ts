import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found from where this package lives rather than from the working
 * directory, so `rollcall` run from any folder finds the same models. The root is the
 * nearest folder above this file that holds `pnpm-workspace.yaml`.
 */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }

  // Installed outside the workspace (no marker above): this file is packages/config/src.
  return path.resolve(__dirname, '..', '..', '..');
}

/** `<repo>/../shared`: the folder beside the checkout that holds data and public models. */
export function sharedRoot(repoRoot: string = findRepoRoot()): string {
  return path.resolve(repoRoot, '..', 'shared');
}
