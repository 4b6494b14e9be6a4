import { xaddFlatArgs } from '../append';
import type { StreamEntry } from '../entry';
import type { ConsumerContext } from './context';

/** Prefix of the fields a dead letter adds to the original ones. */
export const DEAD_LETTER_FIELD_PREFIX = 'dead:';

/**
 * Moves `entry` to the dead-letter stream and acknowledges it, in one MULTI so it is never
 * both lost and acknowledged. The dead letter keeps every original field (schema version
 * included) and adds `dead:error`, `dead:stream`, `dead:id`, `dead:group`, `dead:consumer`,
 * `dead:deliveries` and `dead:at` (ms since the epoch).
 */
export async function deadLetter(
  ctx: ConsumerContext,
  entry: StreamEntry,
  reason: string,
): Promise<void> {
  const { redis, stream, group, consumer, deadLetterStream } = ctx.options;
  const flat: (string | Buffer)[] = [];
  for (const [name, value] of entry.fields) flat.push(name, value);
  const meta: Record<string, string> = {
    error: reason,
    stream: stream.key,
    id: entry.id,
    group,
    consumer,
    deliveries: String(entry.deliveries),
    at: String(Date.now()),
  };
  for (const [name, value] of Object.entries(meta)) {
    flat.push(DEAD_LETTER_FIELD_PREFIX + name, value);
  }

  await redis
    .multi()
    .call('XADD', ...xaddFlatArgs(deadLetterStream, flat))
    .call('XACK', stream.key, group, entry.id)
    .exec()
    .then(throwOnFailedStep);
  ctx.stats.deadLettered += 1;
  ctx.logger.warn(
    { entryId: entry.id, deliveries: entry.deliveries, deadLetterStream: deadLetterStream.key },
    'entry dead-lettered',
  );
}

function throwOnFailedStep(results: [Error | null, unknown][] | null): void {
  if (results === null) throw new Error('MULTI for a dead letter was discarded');
  const failed = results.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}
