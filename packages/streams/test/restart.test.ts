import Redis from 'ioredis';

import { createKeySpace, type StreamEntry } from '../src';
import { appendNumbered, pendingCount, startConsumer } from './support/consumers';
import { capturingLogger } from './support/log-sink';
import { OwnRedis, describeIfRedisServer } from './support/own-redis';
import { waitFor } from '@rollcall/testing';

/** The server's run id, which changes on every start. */
async function runId(redis: Redis): Promise<string> {
  return /run_id:(\w+)/.exec(await redis.info('server'))?.[1] ?? '';
}

// A private Redis: the shared one must not be restarted under other work.
describeIfRedisServer('a consumer across a Redis restart', () => {
  let server: OwnRedis;

  beforeAll(async () => {
    server = await OwnRedis.start();
  });

  afterAll(async () => {
    await server.destroy();
  });

  it('waits out the restart and processes everything appended before and after', async () => {
    const keys = createKeySpace('{restart}');
    const stream = keys.frames;
    const { logger, lines } = capturingLogger();
    const redis = new Redis(server.url, { maxRetriesPerRequest: 20 });
    const producer = new Redis(server.url);
    [redis, producer].forEach((client) => client.on('error', () => undefined));
    const handled = new Map<string, number>();

    const consumer = startConsumer({
      redis,
      stream,
      logger,
      deadLetterStream: keys.deadLetters(stream),
      group: 'detectors',
      consumer: 'd1',
      claimIdleMs: 1_000,
      handler: async (entry: StreamEntry) => {
        handled.set(entry.id, (handled.get(entry.id) ?? 0) + 1);
        await Promise.resolve();
      },
    });
    const before = await appendNumbered(producer, stream, 50);
    await waitFor('entries before the restart handled', () =>
      before.every((id) => handled.has(id)),
    );

    const runIdBefore = await runId(producer);
    await server.stop();
    await server.start();
    expect(await runId(producer)).not.toBe(runIdBefore);
    const after = await appendNumbered(producer, stream, 50, 50);
    await waitFor('entries after the restart handled', () => after.every((id) => handled.has(id)), {
      timeoutMs: 30_000,
    });
    await waitFor(
      'nothing pending',
      async () => (await pendingCount(producer, stream, 'detectors')) === 0,
    );
    const stats = await consumer.stop();
    await Promise.all([redis.quit(), producer.quit()]);

    expect(handled.size).toBe(100);
    expect(stats.processed).toBe(100);
    expect(stats.deadLettered).toBe(0);
    expect(lines.filter((l) => l.msg === 'consumer group created')).toHaveLength(1);
  });
});
