import { spawn } from 'node:child_process';
import path from 'node:path';

import { waitFor } from './streams';

/** The repository root (this file is `services/detector/test/support/process.ts`). */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Runs a service's `src/main.ts` as `pnpm start` would (node with tsx as a loader, so a
 * signal reaches the service itself), waits for `readyLine` in its output, sends SIGTERM,
 * and resolves with the exit code and everything it printed.
 */
export async function startAndTerminate(
  service: string,
  env: Record<string, string>,
  readyLine: string,
): Promise<{ code: number | NodeJS.Signals; output: string }> {
  const main = path.join(REPO_ROOT, 'services', service, 'src', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1));
  });

  try {
    await waitFor(`${service} to log "${readyLine}"`, () => output.includes(readyLine), 45_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${output}`);
  }
  child.kill('SIGTERM');
  return { code: await exited, output };
}
