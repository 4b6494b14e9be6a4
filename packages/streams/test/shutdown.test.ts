import { useTestRedis, waitFor } from '@rollcall/testing';

import { createKeySpace } from '../src';
import { spawnFixture } from './support/child';
import { appendNumbered, pendingCount } from './support/consumers';
import { REDIS_URL } from './support/redis';

const { redis, keys } = useTestRedis('streams', createKeySpace);

describe('runUntilSignalled', () => {
  it('on SIGTERM finishes the in-flight handler, acks it and exits cleanly', async () => {
    const stream = keys.faces;
    const [id] = await appendNumbered(redis, stream, 1);
    const child = spawnFixture('graceful-consumer.ts', {
      REDIS_URL,
      STREAM_KEY: stream.key,
      GROUP: 'graceful',
      CONSUMER: 'g1',
      WORK_MS: '500',
    });

    await waitFor('the handler to start', () => child.output().includes(`started ${id}`), {
      timeoutMs: 30_000,
    });
    child.process.kill('SIGTERM');
    const exit = await child.exited;

    expect(exit).toBe(0);
    const lines = child.output().trim().split('\n');
    expect(lines).toEqual([`started ${id}`, `finished ${id}`, 'stopped processed=1']);
    expect(await pendingCount(redis, stream, 'graceful')).toBe(0);
  });

  it('exits on SIGTERM even when close hangs and a timer keeps the process alive', async () => {
    const child = spawnFixture('hanging-close.ts', {});
    await waitFor('the service to run', () => child.output().includes('running'), {
      timeoutMs: 30_000,
    });
    const signalledAt = Date.now();
    child.process.kill('SIGTERM');

    expect(await child.exited).toBe(0);
    expect(child.output()).toContain('closing');
    // 500 ms for close, 500 ms more for the process to end by itself, then the exit.
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
  });
});
