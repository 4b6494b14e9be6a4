import { randomBytes } from 'node:crypto';

import { useTestRedis, waitFor } from '@rollcall/testing';

import { createKeySpace, type StreamEntry } from '../src';
import { appendNumbered, pendingCount, startConsumer } from './support/consumers';
import { capturingLogger } from './support/log-sink';
import { connect } from './support/redis';

const tag = randomBytes(3).toString('hex');
const { redis: admin, keys } = useTestRedis('streams', createKeySpace, {
  connectionName: `admin-${tag}`,
});

/**
 * Kills, by id, this test's consumer connections only. (`CLIENT KILL TYPE normal` would
 * also cut every other client of the shared Redis, other test runs included.)
 */
async function killConnections(names: string[]): Promise<number> {
  const list = String(await admin.call('CLIENT', 'LIST', 'TYPE', 'normal'));
  const ids = list
    .split('\n')
    .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1], name: /\bname=(\S*)/.exec(line)?.[1] }))
    .filter((client) => client.id !== undefined && names.includes(client.name ?? ''));
  for (const client of ids) await admin.call('CLIENT', 'KILL', 'ID', client.id!);
  return ids.length;
}

function countingHandler(handled: Map<string, number>) {
  return async (entry: StreamEntry) => {
    handled.set(entry.id, (handled.get(entry.id) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 1));
  };
}

describe('a consumer whose connections are killed', () => {
  it('reconnects and resumes, losing nothing', async () => {
    const stream = keys.embeddings;
    const consumerName = `reconnecting-${tag}`;
    const mainName = `consumer-main-${tag}`;
    const redis = connect(mainName, { maxRetriesPerRequest: 20 });
    const handled = new Map<string, number>();
    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream: keys.deadLetters(stream),
      group: 'embedders',
      consumer: consumerName,
      claimIdleMs: 1_000,
      handler: countingHandler(handled),
    });
    const names = [mainName, `${consumerName}-reader`];

    const first = await appendNumbered(admin, stream, 100);
    await waitFor('the first round handled', () => first.every((id) => handled.has(id)));
    expect(await killConnections(names)).toBe(2);

    const second = await appendNumbered(admin, stream, 200, 100);
    await waitFor('part of the second round handled', () => handled.size >= 130);
    expect(await killConnections(names)).toBeGreaterThan(0);

    await waitFor('every entry handled', () =>
      [...first, ...second].every((id) => handled.has(id)),
    );
    await waitFor('nothing pending', async () => {
      return (await pendingCount(admin, stream, 'embedders')) === 0;
    });
    await consumer.stop();
    await redis.quit();

    expect(handled.size).toBe(300);
    expect(await admin.xlen(keys.deadLetters(stream).key)).toBe(0);
  });

  it('logs, backs off and recreates its group when the stream is deleted under it', async () => {
    const stream = keys.matches;
    const { logger, lines } = capturingLogger();
    const redis = connect(`consumer-main2-${tag}`);
    const handled = new Map<string, number>();
    const consumer = startConsumer({
      redis,
      stream,
      logger,
      deadLetterStream: keys.deadLetters(stream),
      group: 'matchers',
      consumer: `deleted-${tag}`,
      handler: countingHandler(handled),
    });
    const before = await appendNumbered(admin, stream, 10);
    await waitFor('the first entries handled', () => before.every((id) => handled.has(id)));

    await admin.del(stream.key);
    await waitFor('the read error logged', () =>
      lines.some(
        (l) => l.msg === 'stream read failed, retrying' && /NOGROUP/.test(String(l.err?.message)),
      ),
    );
    await waitFor(
      'the group recreated',
      () => lines.filter((l) => l.msg === 'consumer group created').length === 2,
    );
    const after = await appendNumbered(admin, stream, 10, 10);
    await waitFor('the later entries handled', () => after.every((id) => handled.has(id)));
    const stats = await consumer.stop();
    await redis.quit();

    expect(stats.redisErrors).toBeGreaterThan(0);
    expect(stats.processed).toBe(20);
  });
});
