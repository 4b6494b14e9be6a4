import { RollcallError } from '@rollcall/errors';

/** The field every message carries: the version of the schema its fields follow. */
export const SCHEMA_FIELD = 'v';

/** One field value: text, a number (written as text) or bytes (frames, embeddings). */
export type FieldValue = string | number | Buffer;

/** A message to append: flat fields, no nesting, plus the schema version of their layout. */
export interface StreamMessage {
  /** Version of the field layout, bumped when a field changes meaning. */
  readonly schemaVersion: number;
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** The flat `field value field value ...` list XADD takes, schema version first. */
export function flattenMessage(message: StreamMessage): (string | Buffer)[] {
  checkVersion(message.schemaVersion);
  const flat: (string | Buffer)[] = [SCHEMA_FIELD, String(message.schemaVersion)];

  for (const [name, value] of Object.entries(message.fields)) {
    if (name === SCHEMA_FIELD) {
      throw invalid(`Field "${SCHEMA_FIELD}" is reserved for the schema version; rename it.`);
    }
    flat.push(name, encodeValue(name, value));
  }
  return flat;
}

function encodeValue(name: string, value: unknown): string | Buffer {
  if (typeof value === 'string' || Buffer.isBuffer(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length);

  throw invalid(
    `Field "${name}" is ${describe(value)}; pass a string, a finite number or a Buffer ` +
      `(encode objects as JSON and typed arrays with Buffer.from(array.buffer)).`,
  );
}

function checkVersion(version: number): void {
  if (Number.isInteger(version) && version > 0) return;
  throw invalid(`schemaVersion is ${String(version)}; use a positive integer.`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  return `a ${typeof value} (${String(value)})`;
}

function invalid(message: string): RollcallError {
  return new RollcallError('STREAM_FIELDS_INVALID', message);
}
