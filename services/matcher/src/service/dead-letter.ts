import type { ErrorCode } from '@rollcall/errors';
import {
  DEAD_LETTER_FIELD_PREFIX,
  xaddFlatArgs,
  type KeySpace,
  type StreamEntry,
} from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** Where the entry came from, for the dead letter's fields. */
export interface DeadLetterSource {
  readonly group: string;
  readonly consumer: string;
}

/**
 * Moves an embedding the matcher must not compare to the embeddings' dead letters, with
 * its code under `dead:code` beside the fields the streams runtime writes, and acks it in
 * the same MULTI. The runtime only dead-letters after failures; these entries are refused
 * on sight, since no retry can change their model id or dimension.
 */
export async function deadLetterEmbedding(
  redis: Redis,
  keys: KeySpace,
  entry: StreamEntry,
  source: DeadLetterSource,
  error: { code: ErrorCode; message: string },
): Promise<void> {
  const flat: (string | Buffer)[] = [];
  for (const [name, value] of entry.fields) flat.push(name, value);
  const meta: Record<string, string> = {
    error: error.message,
    code: error.code,
    stream: entry.stream,
    id: entry.id,
    group: source.group,
    consumer: source.consumer,
    deliveries: String(entry.deliveries),
    at: String(Date.now()),
  };
  for (const [name, value] of Object.entries(meta))
    flat.push(DEAD_LETTER_FIELD_PREFIX + name, value);

  const results = await redis
    .multi()
    .call('XADD', ...xaddFlatArgs(keys.deadLetters(keys.embeddings), flat))
    .call('XACK', entry.stream, source.group, entry.id)
    .exec();
  const failed = results?.find(([failure]) => failure !== null)?.[0];
  if (failed) throw failed;
}
