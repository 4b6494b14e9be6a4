import { parseAutoClaimReply, parseDeliveryCounts, parseReadReply, type RawEntry } from '../entry';
import type { ConsumerContext } from './context';
import { handleEntry } from './handle-entry';
import { readGroupArgs } from './read-group-args';

/**
 * Takes over entries pending longer than `claimIdleMs` (left by a dead member, or by this
 * one after a handler failure) and handles them, one XAUTOCLAIM page at a time until the
 * cursor wraps. Redis 7 also returns the ids of pending entries the stream no longer holds
 * (trimmed by MAXLEN or deleted); it has already dropped them from the pending list, so
 * they are only counted and logged: they were lost before anyone processed them.
 */
export async function reclaimIdle(ctx: ConsumerContext): Promise<void> {
  const { redis, stream, group, consumer, claimIdleMs, batch, signal } = ctx.options;
  let cursor = '0-0';

  do {
    const reply = await redis.callBuffer(
      'XAUTOCLAIM',
      stream.key,
      group,
      consumer,
      String(claimIdleMs),
      cursor,
      'COUNT',
      String(batch),
    );
    const page = parseAutoClaimReply(reply);
    noteDeleted(ctx, page.deletedIds);

    const counts = await deliveryCounts(ctx, page.entries);
    ctx.stats.reclaimed += page.entries.length;
    for (const entry of page.entries) {
      if (signal.aborted) return;
      await handleEntry(ctx, entry, counts.get(entry.id) ?? 1);
    }
    cursor = page.cursor;
  } while (cursor !== '0-0' && !signal.aborted);
}

/** Delivery counts of claimed entries, from one extended XPENDING over their id range. */
async function deliveryCounts(
  ctx: ConsumerContext,
  entries: RawEntry[],
): Promise<Map<string, number>> {
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (first === undefined || last === undefined) return new Map();

  const { redis, stream, group, consumer } = ctx.options;
  const reply = await redis.callBuffer(
    'XPENDING',
    stream.key,
    group,
    first.id,
    last.id,
    String(entries.length),
    consumer,
  );
  return parseDeliveryCounts(reply);
}

function noteDeleted(ctx: ConsumerContext, ids: string[]): void {
  if (ids.length === 0) return;
  ctx.stats.trimmed += ids.length;
  ctx.logger.warn(
    { count: ids.length, entryIds: ids.slice(0, 10) },
    'pending entries were trimmed before they were processed',
  );
}

/**
 * Handles the entries this consumer name already holds pending, before reading new ones:
 * they were delivered to an earlier process of the same name (a worker restarted under a
 * stable name after a crash) and would otherwise wait `claimIdleMs` for a reclaim. Reads
 * the consumer's own pending list with XREADGROUP from id 0, page by page.
 */
export async function resumeOwnPending(ctx: ConsumerContext): Promise<void> {
  const { redis, signal } = ctx.options;
  let after = '0';

  while (!signal.aborted) {
    const reply = await redis.callBuffer(...readGroupArgs(ctx, after));
    const entries = parseReadReply(reply);
    const last = entries[entries.length - 1];
    if (last === undefined) return;

    const counts = await deliveryCounts(ctx, entries);
    ctx.stats.resumed += entries.length;
    for (const entry of entries) {
      if (signal.aborted) return;
      await handleEntry(ctx, entry, counts.get(entry.id) ?? 1);
    }
    after = last.id;
  }
}
