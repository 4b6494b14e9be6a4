/** An entry of an XRANGE, XREVRANGE or XREAD reply read with `callBuffer`. */
export interface ReadEntry {
  readonly id: string;
  readonly fields: Map<string, Buffer>;
}

/** Entries of an XRANGE / XREVRANGE reply, in reply order; deleted entries are left out. */
export function rangeEntries(reply: unknown): ReadEntry[] {
  if (!Array.isArray(reply)) return [];
  return (reply as [Buffer, Buffer[] | null][]).flatMap(([id, flat]) =>
    flat === null ? [] : [{ id: id.toString(), fields: pairs(flat) }],
  );
}

/** Entries of a single-stream XREAD reply (null on timeout). */
export function readEntries(reply: unknown): ReadEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const [, entries] = reply[0] as [unknown, unknown];
  return rangeEntries(entries);
}

function pairs(flat: Buffer[]): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    fields.set((flat[i] as Buffer).toString('utf8'), flat[i + 1] as Buffer);
  }
  return fields;
}
