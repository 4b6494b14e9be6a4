import { useTestRedis, waitFor } from '@rollcall/testing';

import { createKeySpace, type StreamEntry } from '../src';
import { spawnFixture } from './support/child';
import { appendNumbered, pendingCount, startConsumer } from './support/consumers';
import { REDIS_URL } from './support/redis';

const { redis, keys } = useTestRedis('streams', createKeySpace);

describe('a consumer process killed mid-message', () => {
  it('leaves its entries pending, and a live consumer processes each exactly once', async () => {
    const stream = keys.frames;
    const ids = await appendNumbered(redis, stream, 5);
    const child = spawnFixture('hanging-consumer.ts', {
      REDIS_URL,
      STREAM_KEY: stream.key,
      GROUP: 'detectors',
      CONSUMER: 'doomed',
    });

    await waitFor('the child to start a handler', () => child.output().includes('started'), {
      timeoutMs: 30_000,
    });
    child.process.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');

    const pendingOnDead = (await redis.xpending(stream.key, 'detectors')) as [
      number,
      string,
      string,
      [string, string][],
    ];
    expect(child.output()).toContain(`started ${ids[0]}`);
    expect(pendingOnDead[0]).toBe(ids.length);
    expect(pendingOnDead[3]).toEqual([['doomed', String(ids.length)]]);

    const handled = new Map<string, number>();
    const deliveries = new Map<string, number>();
    const live = startConsumer({
      redis,
      stream,
      deadLetterStream: keys.deadLetters(stream),
      group: 'detectors',
      consumer: 'survivor',
      claimIdleMs: 300,
      reclaimEveryMs: 100,
      handler: async (entry: StreamEntry) => {
        handled.set(entry.id, (handled.get(entry.id) ?? 0) + 1);
        deliveries.set(entry.id, entry.deliveries);
        await Promise.resolve();
      },
    });
    await waitFor('every entry handled', () => handled.size === ids.length);
    await waitFor('nothing pending', async () => {
      return (await pendingCount(redis, stream, 'detectors')) === 0;
    });
    const stats = await live.stop();

    expect([...handled.keys()].sort()).toEqual([...ids].sort());
    expect([...handled.values()].every((times) => times === 1)).toBe(true);
    expect(deliveries.get(ids[0]!)).toBe(2);
    expect(stats).toMatchObject({ processed: ids.length, reclaimed: ids.length });
    expect(await redis.xlen(keys.deadLetters(stream).key)).toBe(0);
  });

  it('is resumed at once by a new process under the same consumer name', async () => {
    const stream = keys.faces;
    const ids = await appendNumbered(redis, stream, 4);
    const child = spawnFixture('hanging-consumer.ts', {
      REDIS_URL,
      STREAM_KEY: stream.key,
      GROUP: 'embedders',
      CONSUMER: 'embedder-1',
    });
    await waitFor('the child to start a handler', () => child.output().includes('started'), {
      timeoutMs: 30_000,
    });
    child.process.kill('SIGKILL');
    await child.exited;

    const handled: string[] = [];
    // A claim idle time far beyond the test: only the resume can hand these entries over.
    const restarted = startConsumer({
      redis,
      stream,
      deadLetterStream: keys.deadLetters(stream),
      group: 'embedders',
      consumer: 'embedder-1',
      claimIdleMs: 600_000,
      handler: async (entry: StreamEntry) => {
        handled.push(entry.id);
        await Promise.resolve();
      },
    });
    await waitFor('every entry handled', () => handled.length === ids.length, { timeoutMs: 5_000 });
    const stats = await restarted.stop();

    expect(handled).toEqual(ids);
    expect(stats).toMatchObject({ processed: ids.length, resumed: ids.length, reclaimed: 0 });
    expect(await pendingCount(redis, stream, 'embedders')).toBe(0);
  });
});
