import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/**
 * Where a reader of the registry change stream stands: the id of the last change it has
 * applied and the stream's `entries-added` counter at that change, which together tell
 * whether changes it has not read were trimmed away (see `missedChanges`).
 */
export interface FeedPosition {
  readonly id: string;
  readonly added: number;
}

interface StreamInfo {
  readonly lastId: string;
  readonly added: number;
  readonly length: number;
  readonly firstId: string | undefined;
}

/** The newest change: where a reader that has just loaded everything starts. */
export async function currentPosition(redis: Redis, keys: KeySpace): Promise<FeedPosition> {
  const info = await streamInfo(redis, keys);
  return info === undefined ? { id: '0-0', added: 0 } : { id: info.lastId, added: info.added };
}

/**
 * True when changes after `position` are no longer in the stream (MAXLEN trimmed them,
 * or the stream was deleted): the reader must load everything again. Redis 7.0 does not
 * move `max-deleted-entry-id` on MAXLEN trims, so the count of entries added since the
 * position is compared with the count still held after it.
 */
export async function missedChanges(
  redis: Redis,
  keys: KeySpace,
  position: FeedPosition,
): Promise<boolean> {
  const info = await streamInfo(redis, keys);
  if (info === undefined) return position.id !== '0-0';
  if (compareIds(info.lastId, position.id) < 0) return true;

  const addedSince = info.added - position.added;
  if (info.firstId === undefined) return addedSince > 0;
  if (compareIds(info.firstId, position.id) <= 0) return false;
  return addedSince > info.length;
}

/** Reads changes after `position` on `reader`, blocking up to `blockMs`. */
export async function readChanges(
  reader: Redis,
  keys: KeySpace,
  afterId: string,
  blockMs: number,
  count = 500,
): Promise<{ id: string; fields: Map<string, Buffer> }[]> {
  const reply = await reader.xreadBuffer(
    'COUNT',
    count,
    'BLOCK',
    blockMs,
    'STREAMS',
    keys.registryChanges.key,
    afterId,
  );
  const entries = reply?.[0]?.[1] ?? [];
  return entries.map(([id, flat]) => {
    const fields = new Map<string, Buffer>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      fields.set((flat[i] as Buffer).toString('utf8'), flat[i + 1] as Buffer);
    }
    return { id: id.toString(), fields };
  });
}

/** Orders two stream ids (`ms-seq`). */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am - bm || as - bs;
}

async function streamInfo(redis: Redis, keys: KeySpace): Promise<StreamInfo | undefined> {
  let reply: unknown[];
  try {
    reply = (await redis.call('XINFO', 'STREAM', keys.registryChanges.key)) as unknown[];
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('ERR no such key')) return undefined;
    throw error;
  }

  const info = new Map<string, unknown>();
  for (let i = 0; i + 1 < reply.length; i += 2) info.set(String(reply[i]), reply[i + 1]);
  const first = info.get('first-entry') as [string, unknown] | null;
  return {
    lastId: String(info.get('last-generated-id')),
    added: Number(info.get('entries-added')),
    length: Number(info.get('length')),
    firstId: first === null || first === undefined ? undefined : String(first[0]),
  };
}
