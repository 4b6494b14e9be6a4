import { spawn } from 'node:child_process';
import path from 'node:path';

import { connect, deletePrefix, testKeySpace, waitFor } from './support/redis';

const MAIN = path.join(__dirname, '..', 'src', 'main.ts');
const TSX = require.resolve('tsx/cli', { paths: [path.join(__dirname, '..', '..', '..')] });

describe('the matcher process', () => {
  const keys = testKeySpace();
  const redis = connect();

  afterAll(async () => {
    await deletePrefix(redis, keys.prefix);
    await redis.quit();
  });

  it('starts on the pack, joins the group and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [TSX, MAIN], {
      env: { ...process.env, ROLLCALL_KEY_PREFIX: keys.prefix, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
    child.stderr.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await waitFor('the group joined', () => lines.some((l) => l.includes('consumer group')), {
      timeoutMs: 60_000,
    });
    child.kill('SIGTERM');
    const code = await exited;

    const messages = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'matcher starting',
        'gallery loaded',
        'stopping',
        'consumer stopped',
      ]),
    );
    expect(code).toBe(0);
  }, 90_000);
});
