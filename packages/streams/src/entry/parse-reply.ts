/*
 * Shapes of the raw RESP replies the consumer reads with `callBuffer`, turned into plain
 * values. Stream replies arrive as nested arrays of Buffers; an entry whose fields are nil
 * was deleted (or trimmed) after it was delivered but before it was acknowledged.
 */

import { entryFields } from './pairs';

/** An entry as Redis returned it; `fields` is null when the entry no longer exists. */
export interface RawEntry {
  readonly id: string;
  readonly fields: Map<string, Buffer> | null;
}

/** XREADGROUP reply for a single stream: its entries, or none on timeout. */
export function parseReadReply(reply: unknown): RawEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const [, entries] = reply[0] as [unknown, unknown];
  return parseEntries(entries);
}

/** XRANGE / XREVRANGE reply: its entries, in reply order. */
export function parseRangeReply(reply: unknown): RawEntry[] {
  return parseEntries(reply);
}

/** XAUTOCLAIM reply: next cursor, claimed entries, ids deleted from the stream (Redis 7). */
export function parseAutoClaimReply(reply: unknown): {
  cursor: string;
  entries: RawEntry[];
  deletedIds: string[];
} {
  const [cursor, entries, deleted] = reply as [Buffer, unknown, unknown];
  return {
    cursor: cursor.toString(),
    entries: parseEntries(entries),
    deletedIds: Array.isArray(deleted) ? deleted.map((id: Buffer) => id.toString()) : [],
  };
}

/** XPENDING extended reply: id -> delivery count. */
export function parseDeliveryCounts(reply: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  if (!Array.isArray(reply)) return counts;
  for (const row of reply as [Buffer, Buffer, number, number][]) {
    counts.set(row[0].toString(), Number(row[3]));
  }
  return counts;
}

function parseEntries(raw: unknown): RawEntry[] {
  if (!Array.isArray(raw)) return [];
  return (raw as [Buffer, Buffer[] | null][]).map(([id, flat]) => ({
    id: id.toString(),
    fields: flat === null ? null : entryFields(flat),
  }));
}
