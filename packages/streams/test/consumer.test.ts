import { useTestRedis, waitFor } from '@rollcall/testing';

import { DEAD_LETTER_FIELD_PREFIX, appendEntry, createKeySpace, type StreamEntry } from '../src';
import { appendNumbered, pendingCount, startConsumer } from './support/consumers';
import { capturingLogger } from './support/log-sink';

const { redis, keys } = useTestRedis('streams', createKeySpace);
let streamNumber = 0;

/** A fresh stream per test so tests never see each other's entries. */
function freshStream() {
  streamNumber += 1;
  const stream = { key: `${keys.prefix}:case${streamNumber}:stream`, maxLen: 10_000 };
  return { stream, deadLetterStream: keys.deadLetters(stream) };
}

describe('runConsumer', () => {
  it('hands every entry to the handler and acknowledges it', async () => {
    const { stream, deadLetterStream } = freshStream();
    const ids = await appendNumbered(redis, stream, 40);
    const seen: string[] = [];

    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream,
      group: 'workers',
      consumer: 'w1',
      handler: async (entry) => {
        seen.push(`${entry.id}=${entry.text('n')}`);
        await Promise.resolve();
      },
    });
    await waitFor('all entries handled', () => seen.length === ids.length);
    await waitFor(
      'nothing pending',
      async () => (await pendingCount(redis, stream, 'workers')) === 0,
    );
    const stats = await consumer.stop();

    expect(seen).toEqual(ids.map((id, n) => `${id}=${n}`));
    expect(stats).toMatchObject({ processed: 40, failed: 0, deadLettered: 0 });
  });

  it('splits the work of one group between two consumers, each entry once', async () => {
    const { stream, deadLetterStream } = freshStream();
    const handledBy = new Map<string, string[]>();
    const handler = (name: string) => async (entry: StreamEntry) => {
      handledBy.set(entry.id, [...(handledBy.get(entry.id) ?? []), name]);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const common = { redis, stream, deadLetterStream, group: 'split', batch: 8 };

    const a = startConsumer({ ...common, consumer: 'a', handler: handler('a') });
    const b = startConsumer({ ...common, consumer: 'b', handler: handler('b') });
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      ids.push(...(await appendNumbered(redis, stream, 60, round * 60)));
    }
    await waitFor('all entries handled', () => handledBy.size === ids.length);
    const [statsA, statsB] = await Promise.all([a.stop(), b.stop()]);

    expect([...handledBy.keys()].sort()).toEqual([...ids].sort());
    expect([...handledBy.values()].filter((names) => names.length > 1)).toEqual([]);
    expect(statsA.processed + statsB.processed).toBe(ids.length);
    expect(statsA.processed).toBeGreaterThan(0);
    expect(statsB.processed).toBeGreaterThan(0);
    expect(await pendingCount(redis, stream, 'split')).toBe(0);
  });

  it('dead-letters an always-failing entry after maxDeliveries, with the error', async () => {
    const { stream, deadLetterStream } = freshStream();
    const { logger, lines } = capturingLogger();
    const [id] = await appendNumbered(redis, stream, 1);
    let attempts = 0;

    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream,
      logger,
      group: 'failing',
      consumer: 'f1',
      maxDeliveries: 3,
      claimIdleMs: 100,
      reclaimEveryMs: 50,
      handler: async () => {
        attempts += 1;
        await Promise.resolve();
        throw new Error(`camera feed unreadable (attempt ${attempts})`);
      },
    });
    await waitFor('a dead letter', async () => (await redis.xlen(deadLetterStream.key)) === 1);
    const stats = await consumer.stop();

    const [[, flat]] = (await redis.xrange(deadLetterStream.key, '-', '+')) as [[string, string[]]];
    const dead = Object.fromEntries(pairs(flat));
    expect(dead).toMatchObject({
      v: '1',
      n: '0',
      [`${DEAD_LETTER_FIELD_PREFIX}error`]: 'camera feed unreadable (attempt 3)',
      [`${DEAD_LETTER_FIELD_PREFIX}stream`]: stream.key,
      [`${DEAD_LETTER_FIELD_PREFIX}id`]: id,
      [`${DEAD_LETTER_FIELD_PREFIX}group`]: 'failing',
      [`${DEAD_LETTER_FIELD_PREFIX}deliveries`]: '3',
    });
    expect(attempts).toBe(3);
    expect(stats).toMatchObject({ failed: 3, deadLettered: 1, processed: 0 });
    expect(await pendingCount(redis, stream, 'failing')).toBe(0);

    const failures = lines.filter((line) => line.msg === 'handler failed');
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatchObject({ entryId: id, err: { message: expect.any(String) } });
  });

  it('dead-letters an entry it cannot read on the first delivery', async () => {
    const { stream, deadLetterStream } = freshStream();
    await appendEntry(redis, stream, { schemaVersion: 1, fields: { other: 'x' } });
    let attempts = 0;

    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream,
      group: 'readers',
      consumer: 'r1',
      handler: async (entry) => {
        attempts += 1;
        await Promise.resolve(entry.text('cameraId'));
      },
    });
    await waitFor('a dead letter', async () => (await redis.xlen(deadLetterStream.key)) === 1);
    await consumer.stop();

    const [[, flat]] = (await redis.xrange(deadLetterStream.key, '-', '+')) as [[string, string[]]];
    expect(Object.fromEntries(pairs(flat))[`${DEAD_LETTER_FIELD_PREFIX}error`]).toContain(
      '"cameraId"',
    );
    expect(attempts).toBe(1);
  });

  it('stops on abort after the in-flight handler finishes, and acks it', async () => {
    const { stream, deadLetterStream } = freshStream();
    await appendNumbered(redis, stream, 1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    let finished = false;
    let stopped = false;

    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream,
      group: 'stopping',
      consumer: 's1',
      handler: async () => {
        started = true;
        await gate;
        finished = true;
      },
    });
    await waitFor('the handler to start', () => started);
    const stopping = consumer.stop().then((stats) => {
      stopped = true;
      return stats;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);

    release();
    const stats = await stopping;

    expect(finished).toBe(true);
    expect(stats.processed).toBe(1);
    expect(await pendingCount(redis, stream, 'stopping')).toBe(0);
  });

  it('stops on abort while blocked in a long read, without waiting for it', async () => {
    const { stream, deadLetterStream } = freshStream();
    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream,
      group: 'idle',
      consumer: 'i1',
      blockMs: 600_000,
      claimIdleMs: 600_000,
      handler: () => Promise.resolve(),
    });
    await waitFor('the group to exist', async () => (await redis.exists(stream.key)) === 1);

    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      consumer.stop().then(() => 'stopped'),
      new Promise((resolve) => (timer = setTimeout(resolve, 10_000, 'still blocked'))),
    ]);
    clearTimeout(timer);

    expect(outcome).toBe('stopped');
  });

  it('counts and logs pending entries the stream lost before they were processed', async () => {
    const { stream, deadLetterStream } = freshStream();
    const { logger, lines } = capturingLogger();
    const [lostId, keptId] = await appendNumbered(redis, stream, 2);
    const handled: string[] = [];
    let failedOnce = false;

    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream,
      logger,
      group: 'trimmed',
      consumer: 't1',
      claimIdleMs: 100,
      reclaimEveryMs: 50,
      handler: async (entry) => {
        await Promise.resolve();
        if (entry.id === lostId && !failedOnce) {
          failedOnce = true;
          await redis.xdel(stream.key, lostId!);
          throw new Error('failed, and the entry is gone meanwhile');
        }
        handled.push(entry.id);
      },
    });
    await waitFor('the lost entry to leave the pending list', async () => {
      return failedOnce && (await pendingCount(redis, stream, 'trimmed')) === 0;
    });
    const stats = await consumer.stop();

    expect(handled).toEqual([keptId]);
    expect(stats.trimmed).toBe(1);
    expect(
      lines.some((l) => l.msg === 'pending entries were trimmed before they were processed'),
    ).toBe(true);
  });

  it('removes silent members with nothing pending, keeps those holding entries', async () => {
    const { stream, deadLetterStream } = freshStream();
    await redis.xgroup('CREATE', stream.key, 'pruning', '$', 'MKSTREAM');
    await redis.xgroup('CREATECONSUMER', stream.key, 'pruning', 'ghost');
    await appendNumbered(redis, stream, 1);
    await redis.xreadgroup('GROUP', 'pruning', 'holder', 'COUNT', 1, 'STREAMS', stream.key, '>');
    const members = async () => {
      const reply = (await redis.call('XINFO', 'CONSUMERS', stream.key, 'pruning')) as string[][];
      return reply.map((member) => member[1]).sort();
    };

    const consumer = startConsumer({
      redis,
      stream,
      deadLetterStream,
      group: 'pruning',
      consumer: 'pruner',
      claimIdleMs: 600_000,
      reclaimEveryMs: 50,
      pruneIdleMs: 100,
      handler: () => Promise.resolve(),
    });
    expect(await members()).toEqual(['ghost', 'holder']);
    await waitFor('the ghost removed', async () => !(await members()).includes('ghost'));
    const stats = await consumer.stop();

    // Redis 7.0 lists a member once it is delivered something; 7.2 from its first read.
    expect((await members()).filter((name) => name !== 'pruner')).toEqual(['holder']);
    expect(stats.pruned).toBe(1);
    expect(await pendingCount(redis, stream, 'pruning')).toBe(1);
  });

  it('rejects options it cannot work with', async () => {
    const { stream, deadLetterStream } = freshStream();
    const bad = startConsumer({
      redis,
      stream,
      deadLetterStream,
      group: 'bad',
      consumer: 'x',
      batch: 0,
      handler: () => Promise.resolve(),
    });

    await expect(bad.done).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

function pairs(flat: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}
