import type { ConsumerContext } from './context';

/**
 * Creates the group (and the stream, MKSTREAM) unless it exists. Every member calls it
 * on start, so BUSYGROUP (someone else created it first) is the expected, quiet case.
 */
export async function ensureGroup(ctx: ConsumerContext): Promise<void> {
  const { redis, stream, group, startId } = ctx.options;
  try {
    await redis.call('XGROUP', 'CREATE', stream.key, group, startId, 'MKSTREAM');
    ctx.logger.info({ startId }, 'consumer group created');
  } catch (error) {
    if (!isRedisError(error, 'BUSYGROUP')) throw error;
  }
}

/** True when `error` is a Redis error reply starting with `prefix` (e.g. NOGROUP). */
export function isRedisError(error: unknown, prefix: string): boolean {
  return error instanceof Error && error.message.startsWith(prefix);
}
