/**
 * Messages per second through one consumer on this machine: appends N entries carrying a
 * 2 KB payload (a 512-float embedding), then times one consumer with a no-op handler
 * draining them, for a few batch sizes. Prints figures; asserts nothing.
 *
 * Run: pnpm exec tsx packages/streams/bench/throughput.ts [entries=20000]
 * Uses REDIS_URL (default redis://127.0.0.1:6379) and a random prefix it deletes after.
 */
import { randomBytes } from 'node:crypto';

import { createLogger } from '@rollcall/log';
import { deletePrefix } from '@rollcall/testing';
import Redis from 'ioredis';

import { createKeySpace, queueAppend, runConsumer, type StreamRef } from '../src';

const ENTRIES = Number(process.argv[2] ?? 20_000);
const PAYLOAD = Buffer.from(new Float32Array(512).map(() => Math.random()).buffer);

async function appendAll(redis: Redis, stream: StreamRef): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < ENTRIES; done += 1_000) {
    const batch = redis.pipeline();
    for (let i = done; i < Math.min(ENTRIES, done + 1_000); i++) {
      queueAppend(batch, stream, { schemaVersion: 1, fields: { n: i, vector: PAYLOAD } });
    }
    await batch.exec();
  }
  return ENTRIES / ((performance.now() - started) / 1_000);
}

async function drain(redis: Redis, stream: StreamRef, batch: number): Promise<number> {
  const controller = new AbortController();
  let seen = 0;
  const started = performance.now();
  const done = runConsumer({
    redis,
    stream,
    batch,
    group: `bench-${batch}`,
    consumer: 'c1',
    deadLetterStream: { key: `${stream.key}:dead`, maxLen: 100 },
    signal: controller.signal,
    logger: createLogger({ service: 'bench', level: 'warn' }),
    handler: (entry) => {
      seen += entry.bytes('vector').length > 0 ? 1 : 0;
      if (seen === ENTRIES) controller.abort();
      return Promise.resolve();
    },
  });
  await done;
  return ENTRIES / ((performance.now() - started) / 1_000);
}

async function main(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = createKeySpace(`{bench-${randomBytes(4).toString('hex')}}`);
  const stream = { key: keys.embeddings.key, maxLen: ENTRIES * 2 };

  try {
    const appendRate = await appendAll(redis, stream);
    console.log(`append (pipelined, 2 KB payload): ${appendRate.toFixed(0)} msg/s`);
    for (const batch of [1, 16, 128]) {
      const rate = await drain(redis, stream, batch);
      console.log(`consume batch=${batch}: ${rate.toFixed(0)} msg/s (${ENTRIES} entries)`);
    }
  } finally {
    await deletePrefix(redis, keys.prefix);
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
