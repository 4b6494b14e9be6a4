/**
 * A service that cannot start on a bad setting says so in one line on stderr and exits 1:
 * the real entry point, run as `pnpm start` runs it (node with tsx as a loader).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/ingest/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('ingest main on a bad setting', () => {
  it('prints one coded line and exits 1 for LOG_LEVEL=loud', async () => {
    const { code, stderr } = await runMain({ LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'ingest: CONFIG_INVALID: LOG_LEVEL is "loud"; set it to one of trace, debug, info, warn, ' +
        'error, fatal, silent.',
    ]);
  }, 30_000);
});
