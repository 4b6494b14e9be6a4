import type Redis from 'ioredis';

import { spawnFixture } from './support/child';
import { appendNumbered, pendingCount } from './support/consumers';
import { REDIS_URL, connect, deletePrefix, requireRedis, testKeySpace } from './support/redis';
import { waitFor } from '@rollcall/testing';

const keys = testKeySpace();
let redis: Redis;

beforeAll(async () => {
  redis = connect();
  await requireRedis(redis);
});

afterAll(async () => {
  await deletePrefix(redis, keys.prefix);
  await redis.quit();
});

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
});
