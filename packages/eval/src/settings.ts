import path from 'node:path';

/** The repository root (this file is `packages/eval/src/settings.ts`). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** `ROLLCALL_DATA_DIR`: face data. Default `<repo>/../shared/data`. */
export function defaultDataDir(): string {
  return path.resolve(
    process.env.ROLLCALL_DATA_DIR ?? path.join(REPO_ROOT, '..', 'shared', 'data'),
  );
}

/**
 * `ROLLCALL_EVAL_CACHE_DIR`: per-image detections and embeddings of eval runs.
 * Default `<repo>/.rollcall/cache/eval` (git-ignored).
 */
export function defaultCacheDir(): string {
  return path.resolve(
    process.env.ROLLCALL_EVAL_CACHE_DIR ?? path.join(REPO_ROOT, '.rollcall', 'cache', 'eval'),
  );
}
