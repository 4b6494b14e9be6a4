/**
 * Keeps bulky numeric payloads out of log lines. An embedding is 512 floats and a raw frame
 * is megabytes; written whole they flood the log and leak biometric data, so long typed
 * arrays (Buffers included) and long number arrays under a vector-like key are replaced by
 * a short summary: their kind, length and first few values.
 */

/** Arrays up to this many elements are logged as they are. */
export const MAX_LOGGED_ELEMENTS = 16;

/** Elements kept at the head of a truncated array, enough to tell two vectors apart. */
const HEAD_ELEMENTS = 4;

/** Objects nested deeper than this are passed through untouched (pino still caps them). */
const MAX_DEPTH = 6;

const VECTOR_KEYS = new Set(['vector', 'embedding', 'embeddings', 'descriptor']);

/** A summary that stands in for a long array in a log line. */
export interface TruncatedArray {
  readonly truncated: string;
  readonly length: number;
  readonly head: readonly number[];
}

/** A copy of `obj` with every long typed array or vector field summarised. */
export function truncateBulky(obj: Record<string, unknown>): Record<string, unknown> {
  return truncateObject(obj, 0);
}

function truncateValue(key: string, value: unknown, depth: number): unknown {
  if (ArrayBuffer.isView(value)) return truncateView(value);

  if (Array.isArray(value)) {
    const isLongVector = VECTOR_KEYS.has(key) && value.length > MAX_LOGGED_ELEMENTS;
    if (isLongVector) return summarise('Array', value.length, value.slice(0, HEAD_ELEMENTS));
    return depth >= MAX_DEPTH ? value : value.map((item) => truncateValue('', item, depth + 1));
  }

  if (isWalkable(value) && depth < MAX_DEPTH) return truncateObject(value, depth + 1);
  return value;
}

function truncateObject(obj: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) out[key] = truncateValue(key, value, depth);
  return out;
}

function truncateView(view: ArrayBufferView): unknown {
  const kind = Buffer.isBuffer(view) ? 'Buffer' : view.constructor.name;
  if (view instanceof DataView) return summarise(kind, view.byteLength, []);

  const items = view as unknown as ArrayLike<number | bigint>;
  if (items.length <= MAX_LOGGED_ELEMENTS && !Buffer.isBuffer(view)) return Array.from(items);

  const head = Array.from({ length: Math.min(HEAD_ELEMENTS, items.length) }, (_, i) =>
    Number(items[i]),
  );
  return summarise(kind, items.length, head);
}

function summarise(kind: string, length: number, head: readonly unknown[]): TruncatedArray {
  return { truncated: kind, length, head: head.map(Number) };
}

/**
 * Plain objects and class instances are walked; errors (pino's `err` serializer owns them),
 * dates and anything with its own `toJSON` are left for JSON to render.
 */
function isWalkable(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Error || value instanceof Date) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
