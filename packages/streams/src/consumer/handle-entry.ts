import { isRollcallError } from '@rollcall/errors';

import { StreamEntry, type RawEntry } from '../entry';
import type { ConsumerContext } from './context';
import { deadLetter } from './dead-letter';

/**
 * Runs the handler on one delivered entry and settles it: ack on success; on failure log
 * it and leave it pending (it comes back through reclaim after `claimIdleMs`) until its
 * deliveries reach `maxDeliveries`, then dead-letter it.
 */
export async function handleEntry(
  ctx: ConsumerContext,
  raw: RawEntry,
  deliveries: number,
): Promise<void> {
  const { redis, stream, group, maxDeliveries, handler, signal } = ctx.options;
  if (raw.fields === null) {
    await dropVanished(ctx, raw.id);
    return;
  }

  const entry = new StreamEntry(stream.key, raw.id, raw.fields, deliveries);
  if (deliveries > maxDeliveries) {
    // Delivered more often than allowed yet never settled: the handler hung or its process
    // died on it each time. Running it again could take down this process too.
    await deadLetter(ctx, entry, `delivered ${deliveries} times without finishing`);
    return;
  }

  const logger = ctx.logger.child({ entryId: entry.id });
  try {
    await handler(entry, { signal, logger });
  } catch (error) {
    ctx.stats.failed += 1;
    logger.error({ err: error, deliveries, maxDeliveries }, 'handler failed');
    if (deliveries >= maxDeliveries || isUnreadable(error)) {
      await deadLetter(ctx, entry, errorMessage(error));
    }
    return;
  }

  await redis.call('XACK', stream.key, group, entry.id);
  ctx.stats.processed += 1;
}

/** An entry that cannot be read now will not be readable on a later delivery either. */
function isUnreadable(error: unknown): boolean {
  return isRollcallError(error, 'STREAM_ENTRY_INVALID');
}

async function dropVanished(ctx: ConsumerContext, id: string): Promise<void> {
  const { redis, stream, group } = ctx.options;
  await redis.call('XACK', stream.key, group, id);
  ctx.stats.trimmed += 1;
  ctx.logger.warn({ entryId: id }, 'pending entry was deleted before it was processed');
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
