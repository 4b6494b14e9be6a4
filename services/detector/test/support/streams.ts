import {
  decodeEntry,
  encodeEntry,
  type DecodedEntry,
  type EntryMessages,
  type EntryType,
} from '@rollcall/contracts';
import { appendEntry, type StreamRef } from '@rollcall/streams';
import { waitFor as sharedWaitFor } from '@rollcall/testing';
import type Redis from 'ioredis';

/** Appends one typed message, as a producer would. */
export async function appendTyped<T extends EntryType>(
  redis: Redis,
  stream: StreamRef,
  type: T,
  message: EntryMessages[T],
): Promise<string> {
  return appendEntry(redis, stream, encodeEntry(type, message));
}

/** Every entry of `stream`, fields as bytes, oldest first. */
export async function readAll(
  redis: Redis,
  stream: StreamRef,
): Promise<{ id: string; fields: Map<string, Buffer> }[]> {
  const reply = (await redis.callBuffer('XRANGE', stream.key, '-', '+')) as [Buffer, Buffer[]][];
  return reply.map(([id, flat]) => {
    const fields = new Map<string, Buffer>();
    for (let i = 0; i < flat.length; i += 2) fields.set(String(flat[i]), flat[i + 1] as Buffer);
    return { id: id.toString(), fields };
  });
}

/** Every entry of `stream` decoded. */
export async function readDecoded(redis: Redis, stream: StreamRef): Promise<DecodedEntry[]> {
  return (await readAll(redis, stream)).map((e) => decodeEntry(e.fields));
}

/** The shared `waitFor` with the detector's defaults: 30 s (model loads), polled every 25 ms. */
export function waitFor<T>(
  what: string,
  condition: () => T | Promise<T>,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  return sharedWaitFor(what, condition, { timeoutMs, intervalMs: 25 });
}
