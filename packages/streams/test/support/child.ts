import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The repository root (this file is `packages/streams/test/support/child.ts`). */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** A fixture script run by tsx in its own process, with its stdout collected. */
export interface Child {
  readonly process: ChildProcess;
  /** Everything the child has printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the child has ended. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

/**
 * Runs node itself with tsx as a loader, not the tsx CLI: the CLI runs the script in a
 * second process, which a SIGKILL of the CLI would leave running.
 */
export function spawnFixture(name: string, env: Record<string, string>): Child {
  const script = path.join(__dirname, '..', 'fixtures', name);
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1));
  });
  return { process: child, output: () => out, exited };
}
