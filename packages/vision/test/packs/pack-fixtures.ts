import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/data';
import type { PackSettings } from '../../src/packs';

/** The shipped manifests, read in place. */
export const MANIFESTS_DIR = path.join(REPO_ROOT, 'models');

/** A fresh temporary folder per test, removed after it. */
export function tempFolders(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-packs-'));
    made.push(dir);
    return dir;
  };
}

/** Settings that search `modelPath` and install into and cache under `root`. */
export function settingsIn(root: string, modelPath: readonly string[]): PackSettings {
  return {
    modelPath,
    modelsDir: path.join(root, 'installed'),
    cacheDir: path.join(root, 'cache'),
    manifestsDir: MANIFESTS_DIR,
  };
}

/** Runs `fn` and returns the RollcallError-shaped error it rejects with. */
export async function rejection(fn: () => Promise<unknown>): Promise<{
  code: string;
  message: string;
  details?: Record<string, unknown>;
}> {
  try {
    await fn();
  } catch (err) {
    return err as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}
