import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every existing path where one of `names` may be, in search order: for each folder,
 * `<dir>/<pack>/<name>`, then `<dir>/<name>`, then `<dir>/<any>/<name>` (one level of
 * sub-folders, the way a shared model store keeps `<model>/<file>`).
 */
export function fileCandidates(
  dirs: readonly string[],
  pack: string,
  names: readonly string[],
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file) || !isFile(file)) return;
    seen.add(file);
    out.push(file);
  };

  for (const dir of dirs) {
    for (const name of names) add(path.join(dir, pack, name));
    for (const name of names) add(path.join(dir, name));
    for (const sub of subfolders(dir)) {
      for (const name of names) add(path.join(dir, sub, name));
    }
  }
  return out;
}

/** The places `fileCandidates` looks, for an error message that says where it looked. */
export function describeSearch(dirs: readonly string[], pack: string): string[] {
  return dirs.flatMap((dir) => [path.join(dir, pack), dir, path.join(dir, '*')]);
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() || e.isSymbolicLink())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
