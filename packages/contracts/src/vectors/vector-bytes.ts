import { RollcallError } from '@rollcall/errors';

const FLOAT_BYTES = 4;

/** Float32 values as little-endian bytes (the `vector_f32` fields), whatever the host order. */
export function vectorToBytes(vector: ArrayLike<number>): Buffer {
  const bytes = Buffer.allocUnsafe(vector.length * FLOAT_BYTES);
  for (let i = 0; i < vector.length; i++) {
    bytes.writeFloatLE(vector[i] as number, i * FLOAT_BYTES);
  }
  return bytes;
}

/**
 * The float32 values of little-endian `bytes`. `EMBEDDING_MALFORMED` when the length is
 * not a whole number of floats, or is not `dimension` floats when one is expected.
 */
export function bytesToVector(bytes: Uint8Array, dimension?: number): Float32Array {
  if (bytes.byteLength % FLOAT_BYTES !== 0) {
    throw malformed(
      `A float32 vector has ${bytes.byteLength} bytes, not a multiple of ${FLOAT_BYTES}: it ` +
        'was truncated or is not a vector; encode it with vectorToBytes.',
      bytes.byteLength,
    );
  }
  const length = bytes.byteLength / FLOAT_BYTES;
  if (dimension !== undefined && length !== dimension) {
    throw malformed(
      `A float32 vector has ${length} values where ${dimension} are expected: it comes from ` +
        'another model or was cut short.',
      bytes.byteLength,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(length);
  for (let i = 0; i < length; i++) vector[i] = view.getFloat32(i * FLOAT_BYTES, true);
  return vector;
}

function malformed(message: string, byteLength: number): RollcallError {
  return new RollcallError('EMBEDDING_MALFORMED', message, { details: { byteLength } });
}
