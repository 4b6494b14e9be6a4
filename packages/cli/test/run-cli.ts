import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(REPO, 'packages', 'cli', 'bin', 'rollcall.js');

/** Face data (`ROLLCALL_DATA_DIR`, default `<repo>/../shared/data`). */
export const DATA_DIR = path.resolve(
  process.env.ROLLCALL_DATA_DIR ?? path.join(REPO, '..', 'shared', 'data'),
);
/** Public test models (`ROLLCALL_SHARED_MODELS`, default `<repo>/../shared/models`). */
export const SHARED_MODELS = path.resolve(
  process.env.ROLLCALL_SHARED_MODELS ?? path.join(REPO, '..', 'shared', 'models'),
);

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON (runs with --json). */
  json<T = Record<string, unknown>>(): T;
}

/** Runs the real `rollcall` command as a child process, the way a person's shell would. */
export function rollcall(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return {
    code: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    json: <T>() => JSON.parse(child.stdout) as T,
  };
}

/** `describe`, or `describe.skip` with the reason printed, when `file` is absent. */
export function describeIfPresent(name: string, file: string, fn: () => void): void {
  if (existsSync(file)) {
    describe(name, fn);
    return;
  }
  console.warn(`skipped "${name}": ${file} is absent (set ROLLCALL_DATA_DIR or install it)`);
  describe.skip(name, fn);
}
