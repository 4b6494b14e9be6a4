import type Redis from 'ioredis';

import {
  queueAppend,
  runConsumer,
  type ConsumerOptions,
  type ConsumerStats,
  type StreamRef,
} from '../../src';
import { capturingLogger } from './log-sink';

/** A consumer started in the background, with a way to stop it and wait for its end. */
export interface RunningConsumer {
  stop(): Promise<ConsumerStats>;
  readonly done: Promise<ConsumerStats>;
}

/** Starts `runConsumer` with test-friendly timings (short blocks and claim idles). */
export function startConsumer(
  options: Omit<ConsumerOptions, 'signal' | 'logger'> & { logger?: ConsumerOptions['logger'] },
): RunningConsumer {
  const controller = new AbortController();
  const done = runConsumer({
    blockMs: 200,
    claimIdleMs: 500,
    logger: capturingLogger().logger,
    ...options,
    signal: controller.signal,
  });
  return {
    done,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

/** Appends `count` text entries numbered from `from`, returning their ids in order. */
export async function appendNumbered(
  redis: Redis,
  stream: StreamRef,
  count: number,
  from = 0,
): Promise<string[]> {
  const batch = redis.pipeline();
  for (let n = from; n < from + count; n++) {
    queueAppend(batch, stream, { schemaVersion: 1, fields: { n } });
  }
  const results = (await batch.exec()) ?? [];
  return results.map(([error, id]) => {
    if (error) throw error;
    return String(id);
  });
}

/** Entries of `group` still pending (delivered, not acknowledged). */
export async function pendingCount(redis: Redis, stream: StreamRef, group: string) {
  const summary = (await redis.xpending(stream.key, group)) as [number, ...unknown[]];
  return Number(summary[0]);
}
