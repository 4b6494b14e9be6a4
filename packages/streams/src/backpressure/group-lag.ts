import { RollcallError } from '@rollcall/errors';
import type { Redis } from 'ioredis';

import type { StreamRef } from '../keys';
import { COUNT_AFTER_SCRIPT } from './count-after-script';
import { infoFields } from '../entry/pairs';

/** Counting more than this many entries for a lag fallback is pointless: it is "a lot". */
const MAX_COUNTED_LAG = 100_000;

/**
 * Entries in `stream` not yet delivered to `group`. Redis 7 reports it as `lag` in
 * XINFO GROUPS, but leaves it nil when it cannot tell (the group was set to an arbitrary
 * id, or entries were deleted inside the undelivered range); then the entries after the
 * group's last-delivered-id are counted on the server instead.
 */
export async function groupLag(redis: Redis, stream: StreamRef, group: string): Promise<number> {
  const groups = await streamGroups(redis, stream);
  const info = groups.find((g) => g.get('name') === group);
  if (info === undefined) {
    throw new RollcallError(
      'STREAM_GROUP_MISSING',
      `Stream ${stream.key} has no group "${group}"; start a consumer of that group first.`,
      { details: { stream: stream.key, group } },
    );
  }

  const lag = info.get('lag');
  if (typeof lag === 'number') return lag;

  const lastDelivered = String(info.get('last-delivered-id'));
  const counted = await redis.eval(
    COUNT_AFTER_SCRIPT,
    1,
    stream.key,
    `(${lastDelivered}`,
    String(MAX_COUNTED_LAG),
  );
  return Number(counted);
}

/**
 * The XINFO GROUPS rows of `stream` by field name (name, lag, pending, ...); none for a
 * stream that does not exist.
 */
export async function streamGroups(
  redis: Redis,
  stream: StreamRef,
): Promise<Map<string, unknown>[]> {
  try {
    const reply = (await redis.call('XINFO', 'GROUPS', stream.key)) as unknown[][];
    return reply.map(infoFields);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('ERR no such key')) return [];
    throw error;
  }
}
