import { parseRangeReply, parseReadReply, type RawEntry } from '@rollcall/streams';

/** An entry of an XRANGE, XREVRANGE or XREAD reply read with `callBuffer`. */
export interface ReadEntry {
  readonly id: string;
  readonly fields: Map<string, Buffer>;
}

/** Entries of an XRANGE / XREVRANGE reply, in reply order; deleted entries are left out. */
export function rangeEntries(reply: unknown): ReadEntry[] {
  return present(parseRangeReply(reply));
}

/** Entries of a single-stream XREAD reply (null on timeout); deleted entries are left out. */
export function readEntries(reply: unknown): ReadEntry[] {
  return present(parseReadReply(reply));
}

function present(entries: readonly RawEntry[]): ReadEntry[] {
  return entries.flatMap(({ id, fields }) => (fields === null ? [] : [{ id, fields }]));
}
