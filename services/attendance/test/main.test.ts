import { spawn } from 'node:child_process';
import path from 'node:path';

import { appendEntry, createKeySpace } from '@rollcall/streams';
import { useTestRedis } from '@rollcall/testing';

import { encodeFaceMatch } from '../src';
import { T0, standing } from './support/faces';
import { REDIS_URL, waitFor } from './support/redis';

const MAIN = path.resolve(__dirname, '..', 'src', 'main.ts');
const { redis, keys } = useTestRedis('attendance', createKeySpace);

describe('src/main.ts', () => {
  it('reads its settings, records a check-in and stops cleanly on SIGTERM', async () => {
    for (const match of standing({ personId: 'ada', vectorSeed: 1, frames: 4, startMs: T0 })) {
      await appendEntry(redis, keys.matches, encodeFaceMatch(match));
    }

    // node with tsx as a loader, not the tsx CLI, so the signal reaches the service itself.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        REDIS_URL,
        ROLLCALL_KEY_PREFIX: keys.prefix,
        ROLLCALL_TIMEZONE: 'Europe/Berlin',
        ROLLCALL_ATTENDANCE_VOTES: '3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | string>((resolve) => {
      child.on('exit', (code, signal) => resolve(signal ?? code ?? -1));
    });

    await waitFor('the check-in', async () => (await redis.hlen(keys.attendanceRecords)) === 1);
    child.kill('SIGTERM');

    expect(await exited).toBe(0);
    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; type?: string; cameraId?: string });
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['attendance starting', 'attendance recorded', 'attendance stopped']),
    );
    expect(lines.find((l) => l.msg === 'attendance recorded')).toMatchObject({
      type: 'check_in',
      cameraId: 'door-1',
    });
    expect(output).not.toContain('redis://');
  }, 60_000);
});
