import { createLogger } from '@rollcall/log';
import type { Redis } from 'ioredis';

import { parseReadReply } from '../entry';
import { Backoff, sleep } from './backoff';
import type { ConsumerContext } from './context';
import { ensureGroup, isRedisError } from './ensure-group';
import { handleEntry } from './handle-entry';
import { resolveConsumerOptions, type ConsumerOptions } from './options';
import { pruneIdleConsumers } from './prune-consumers';
import { readGroupArgs } from './read-group-args';
import { reclaimIdle, resumeOwnPending } from './reclaim';
import { emptyStats, type ConsumerStats } from './stats';

/**
 * Reads `stream` as member `consumer` of `group` until `signal` fires, handing each entry
 * to `handler` and acknowledging it once the handler resolves. Resolves, with the counts,
 * after the in-flight handler has finished. Redis errors (a restart, a dropped connection)
 * are logged and retried with backoff; they never end the loop.
 *
 * Delivery is at least once: an entry whose handler finished but whose ack was lost is
 * handled again by whoever reclaims it, so handlers must be idempotent.
 */
export async function runConsumer(options: ConsumerOptions): Promise<ConsumerStats> {
  const resolved = resolveConsumerOptions(options);
  const base = options.logger ?? createLogger({ service: 'streams' });
  const logger = base.child({
    stream: resolved.stream.key,
    group: resolved.group,
    consumer: resolved.consumer,
  });
  const ctx: ConsumerContext = { options: resolved, logger, stats: emptyStats() };

  const reader = openReader(ctx);
  // Disconnecting rejects the blocked read at once; anything Redis delivered in that
  // instant stays pending for this group and comes back through reclaim.
  const stopReading = () => closeReader(reader);
  resolved.signal.addEventListener('abort', stopReading, { once: true });

  try {
    await loop(ctx, reader);
  } finally {
    resolved.signal.removeEventListener('abort', stopReading);
    stopReading();
  }
  logger.info({ ...ctx.stats }, 'consumer stopped');
  return ctx.stats;
}

/**
 * The dedicated connection for blocking reads. It connects when the loop first asks
 * (lazily), because ioredis ignores a disconnect made while a connection is being set up;
 * the loop checks the stop signal once it is up. No ready check: a Redis still loading
 * answers reads with LOADING, which the loop backs off from like any other error.
 */
function openReader(ctx: ConsumerContext): Redis {
  const reader = ctx.options.redis.duplicate({
    connectionName: `${ctx.options.consumer}-reader`,
    enableReadyCheck: false,
    lazyConnect: true,
  });
  // Connection errors surface again on the read itself, where they are logged and retried.
  reader.on('error', (error: unknown) => ctx.logger.debug({ err: error }, 'reader error'));
  return reader;
}

/**
 * Closes the reader unless its socket is already closed: ioredis arms a fallback timer per
 * disconnect that only the socket's close event clears, so a disconnect after the close
 * would keep the process alive for that timer.
 */
function closeReader(reader: Redis): void {
  if (reader.status === 'close' || reader.status === 'end') return;
  reader.disconnect();
}

async function loop(ctx: ConsumerContext, reader: Redis): Promise<void> {
  const { signal, reclaimEveryMs } = ctx.options;
  const backoff = new Backoff();
  let groupReady = false;
  let resumed = false;
  let nextReclaimAt = 0;

  while (!signal.aborted) {
    try {
      if (!groupReady) await ensureGroup(ctx);
      groupReady = true;
      // Only the first connect is ours; after that ioredis reconnects by itself.
      if (reader.status === 'wait') await reader.connect();
      if (!resumed) await resumeOwnPending(ctx);
      resumed = true;

      if (Date.now() >= nextReclaimAt) {
        await reclaimIdle(ctx);
        await pruneIdleConsumers(ctx);
        nextReclaimAt = Date.now() + reclaimEveryMs;
      }

      await readAndHandle(ctx, reader, nextReclaimAt - Date.now());
      backoff.reset();
    } catch (error) {
      if (signal.aborted) break;
      // The stream or group was deleted under us (e.g. by an operator): recreate it.
      if (isRedisError(error, 'NOGROUP')) groupReady = false;
      await backOff(ctx, backoff, error);
    }
  }
}

/** One blocking read of new entries, no longer than the time left until the next reclaim. */
async function readAndHandle(ctx: ConsumerContext, reader: Redis, untilReclaimMs: number) {
  const { blockMs, signal } = ctx.options;
  // A stop that came during the reclaim must not start a read it would then wait out.
  if (signal.aborted) return;
  const block = Math.max(1, Math.min(blockMs, untilReclaimMs));
  const reply = await reader.callBuffer(...readGroupArgs(ctx, '>', block));

  for (const entry of parseReadReply(reply)) {
    // Entries after the in-flight one stay pending and are reclaimed by a live member.
    if (signal.aborted) return;
    // An entry read with `>` is new to the group: this is its first delivery.
    await handleEntry(ctx, entry, 1);
  }
}

async function backOff(ctx: ConsumerContext, backoff: Backoff, error: unknown): Promise<void> {
  const retryInMs = backoff.next();
  ctx.stats.redisErrors += 1;
  ctx.logger.warn({ err: error, retryInMs }, 'stream read failed, retrying');
  await sleep(retryInMs, ctx.options.signal);
}
