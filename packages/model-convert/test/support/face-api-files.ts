/**
 * Where tests find @vladmandic/face-api's model folder, in order:
 * 1. `ROLLCALL_FACE_API_DIR`: an unpacked package root;
 * 2. an installed copy that node can resolve;
 * 3. the tarball the pack installer fetched (`<ROLLCALL_CACHE_DIR>/npm/`, default
 *    `~/.cache/rollcall/npm/`), from which the two model files are extracted once into
 *    `<tmpdir>/rollcall-@vladmandic+face-api-1.7.15/`.
 * The files are never copied into the repository; tests skip, saying why, when none is there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FACE_API_RECOGNITION_INPUTS } from '../../src';

const TARBALL = '@vladmandic+face-api-1.7.15.tgz';

function locate(): string | undefined {
  const fromEnv = process.env.ROLLCALL_FACE_API_DIR;
  if (fromEnv !== undefined) return path.resolve(fromEnv);
  try {
    return path.dirname(require.resolve('@vladmandic/face-api/package.json'));
  } catch {
    return fromInstallerCache();
  }
}

function fromInstallerCache(): string | undefined {
  const cacheDir = process.env.ROLLCALL_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'rollcall');
  const tarball = path.join(cacheDir, 'npm', TARBALL);
  if (!existsSync(tarball)) return undefined;

  // One fixed folder per tarball, reused by every test file and run (nothing piles up).
  const out = path.join(os.tmpdir(), `rollcall-${TARBALL.replace(/\.tgz$/, '')}`);
  const members = Object.values(FACE_API_RECOGNITION_INPUTS);
  if (!existsSync(out)) {
    // Extract aside, then rename: a parallel test worker never sees half a file.
    const partial = mkdtempSync(`${out}-`);
    execFileSync('tar', ['-xzf', tarball, '-C', partial, '--no-same-owner', ...members]);
    try {
      renameSync(partial, out);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another worker won the rename
    }
  }
  return path.join(out, 'package');
}

export const FACE_API_DIR = locate();

/** Absolute path of a file in face-api's package root (`model/...`). */
export function faceApiPath(rel: string): string {
  return path.join(FACE_API_DIR ?? '', rel);
}

export function describeIfFaceApi(name: string, fn: () => void): void {
  const probe = faceApiPath('model/face_recognition_model.bin');
  if (FACE_API_DIR !== undefined && existsSync(probe)) {
    describe(name, fn);
    return;
  }
  console.warn(
    `skipped "${name}": @vladmandic/face-api@1.7.15 model files not found (set ` +
      'ROLLCALL_FACE_API_DIR to the unpacked package, or run ' +
      'node scripts/install-default-pack.cjs)',
  );
  describe.skip(name, fn);
}
