import type { ChainableCommander, Redis } from 'ioredis';

import type { StreamRef } from '../keys';
import { flattenMessage, type StreamMessage } from './message';

/**
 * The XADD argument list for `message` on `stream`, always capped with `MAXLEN ~`.
 * The one place an XADD is spelt: `appendEntry` and batched writes (MULTI, pipelines)
 * both use it, so no stream grows without bound.
 */
export function xaddArgs(stream: StreamRef, message: StreamMessage): (string | Buffer)[] {
  return xaddFlatArgs(stream, flattenMessage(message));
}

/**
 * Capped XADD arguments for an already flat field list. Only for copies of entries that
 * were appended with their schema version already (dead letters).
 */
export function xaddFlatArgs(stream: StreamRef, flat: (string | Buffer)[]): (string | Buffer)[] {
  // `~` lets Redis trim whole radix-tree nodes, which is far cheaper than an exact trim.
  return [stream.key, 'MAXLEN', '~', String(stream.maxLen), '*', ...flat];
}

/** Appends `message` to `stream` (capped) and resolves to the new entry id. */
export async function appendEntry(
  redis: Redis,
  stream: StreamRef,
  message: StreamMessage,
): Promise<string> {
  const id = await redis.call('XADD', ...xaddArgs(stream, message));
  return String(id);
}

/** Queues a capped append on a pipeline or MULTI; its reply is the entry id. */
export function queueAppend(
  batch: ChainableCommander,
  stream: StreamRef,
  message: StreamMessage,
): ChainableCommander {
  return batch.call('XADD', ...xaddArgs(stream, message));
}
