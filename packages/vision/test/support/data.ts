/**
 * Where tests find the shared face data and public test models, and jest helpers that skip
 * a suite or a test (saying why) when those files are not on this machine. The files are
 * never copied into the repository; they are read in place.
 *
 * Settings (read once, when this module loads):
 * - `ROLLCALL_DATA_DIR`: face data. Default `<repo>/../shared/data`.
 * - `ROLLCALL_SHARED_MODELS`: public test models. Default `<repo>/../shared/models`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file is `packages/vision/test/support/data.ts`). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Root of the shared face data (`ROLLCALL_DATA_DIR`, default `<repo>/../shared/data`). */
export const DATA_DIR = path.resolve(
  process.env.ROLLCALL_DATA_DIR ?? path.join(REPO_ROOT, '..', 'shared', 'data'),
);

/** Root of the public test models (`ROLLCALL_SHARED_MODELS`, default `<repo>/../shared/models`). */
export const MODELS_DIR = path.resolve(
  process.env.ROLLCALL_SHARED_MODELS ?? path.join(REPO_ROOT, '..', 'shared', 'models'),
);

/** Absolute path of a file or folder under the data root. */
export function dataPath(relPath: string): string {
  return path.join(DATA_DIR, relPath);
}

/** Absolute path of a file or folder under the models root. */
export function modelPath(relPath: string): string {
  return path.join(MODELS_DIR, relPath);
}

/** True when `relPath` exists under the data root. */
export function hasData(relPath: string): boolean {
  return existsSync(dataPath(relPath));
}

/** True when `relPath` exists under the models root. */
export function hasModel(relPath: string): boolean {
  return existsSync(modelPath(relPath));
}

/**
 * `describe` when `relPath` exists under the data root, else `describe.skip` with a printed
 * reason naming the missing path and the setting that moves it.
 */
export function describeIfData(name: string, relPath: string, fn: () => void): void {
  if (hasData(relPath)) {
    describe(name, fn);
    return;
  }
  printSkip(name, dataPath(relPath), 'ROLLCALL_DATA_DIR');
  describe.skip(name, fn);
}

/** `it` when `relPath` exists under the data root, else `it.skip` with a printed reason. */
export function itIfData(
  name: string,
  relPath: string,
  fn: jest.ProvidesCallback,
  timeout?: number,
): void {
  if (hasData(relPath)) {
    it(name, fn, timeout);
    return;
  }
  printSkip(name, dataPath(relPath), 'ROLLCALL_DATA_DIR');
  it.skip(name, fn, timeout);
}

/** `describe` when `relPath` exists under the models root, else skipped with a reason. */
export function describeIfModel(name: string, relPath: string, fn: () => void): void {
  if (hasModel(relPath)) {
    describe(name, fn);
    return;
  }
  printSkip(name, modelPath(relPath), 'ROLLCALL_SHARED_MODELS');
  describe.skip(name, fn);
}

/** `it` when `relPath` exists under the models root, else skipped with a reason. */
export function itIfModel(
  name: string,
  relPath: string,
  fn: jest.ProvidesCallback,
  timeout?: number,
): void {
  if (hasModel(relPath)) {
    it(name, fn, timeout);
    return;
  }
  printSkip(name, modelPath(relPath), 'ROLLCALL_SHARED_MODELS');
  it.skip(name, fn, timeout);
}

function printSkip(name: string, missing: string, setting: string): void {
  console.warn(`skipped "${name}": ${missing} is absent (set ${setting} to where it lives)`);
}
