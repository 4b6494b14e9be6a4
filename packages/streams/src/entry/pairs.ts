/*
 * Redis answers stream entries and XINFO rows as flat `name value name value ...` lists.
 * These turn them into maps, in one place.
 */

/** An entry's fields as XRANGE / XREAD return them (`callBuffer` / `xrangeBuffer`). */
export function entryFields(flat: readonly Buffer[]): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    fields.set((flat[i] as Buffer).toString('utf8'), flat[i + 1] as Buffer);
  }
  return fields;
}

/** One XINFO row (a group, a consumer, a stream) by field name. */
export function infoFields(flat: readonly unknown[]): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(String(flat[i]), flat[i + 1]);
  return fields;
}
