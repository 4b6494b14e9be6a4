import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Copies `from` to `to` through a temporary name in the same folder, so a copy cut short
 * (disk full, Ctrl-C) never leaves a half-written model under the real name.
 */
export function placeFile(from: string, to: string, move = false): void {
  mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.partial`;
  try {
    if (move) renameSync(from, tmp);
    else copyFileSync(from, tmp);
    renameSync(tmp, to);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
