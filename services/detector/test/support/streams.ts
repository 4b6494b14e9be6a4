import {
  decodeEntry,
  encodeEntry,
  type DecodedEntry,
  type EntryMessages,
  type EntryType,
} from '@rollcall/contracts';
import { appendEntry, type StreamRef } from '@rollcall/streams';
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

/** Polls until `condition` holds; the failure names what was awaited. */
export async function waitFor<T>(
  what: string,
  condition: () => T | Promise<T>,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await condition();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
}
