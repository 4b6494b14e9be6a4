/**
 * The API's entry point on a pack that does not exist: one coded line on stderr and exit
 * code 1, even though its Redis client is already open (which kept it running before).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { REDIS_URL } from './support/test-app';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, REDIS_URL, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A process that hangs is the failure this test is about: stop it after 15 s.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

describe('api main that cannot start', () => {
  it('says ROLLCALL_PACK=nosuch in one coded line and exits 1', async () => {
    const { code, stderr } = await runMain({
      ROLLCALL_API_VISION: 'in-process',
      ROLLCALL_PACK: 'nosuch',
      ROLLCALL_API_PORT: '0',
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^api: PACK_NOT_FOUND: No model pack named "nosuch"\./);
  }, 30_000);
});
