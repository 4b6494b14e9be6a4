import { RollcallError } from '@rollcall/errors';
import type { Embedding } from './embedding';

/**
 * A compact binary form of an embedding, for Redis values and JSON (as base64):
 *
 *   byte 0      format version (1)
 *   byte 1      length L of the model id in UTF-8 bytes (1..255)
 *   bytes 2-3   dimension D, little-endian uint16 (so a truncated value is caught)
 *   bytes 4..   the model id, then zero padding to a multiple of 4
 *   then        D little-endian float32
 *
 * A 512-D embedding takes about 2 KiB; the padding keeps the floats 4-byte aligned.
 */
const VERSION = 1;

export function encodeEmbedding(embedding: Embedding): Buffer {
  const id = Buffer.from(embedding.modelId, 'utf8');
  if (id.length === 0 || id.length > 255) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `An embedding's model id must be 1 to 255 UTF-8 bytes (got ${id.length}).`,
    );
  }

  const dimension = embedding.vector.length;
  if (dimension === 0 || dimension > 0xffff) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `An embedding must have 1 to 65535 dimensions (got ${dimension}).`,
    );
  }

  const header = align4(4 + id.length);
  const out = Buffer.alloc(header + dimension * 4);
  out[0] = VERSION;
  out[1] = id.length;
  out.writeUInt16LE(dimension, 2);
  id.copy(out, 4);
  for (let i = 0; i < embedding.vector.length; i++) {
    out.writeFloatLE(embedding.vector[i] as number, header + i * 4);
  }
  return out;
}

export function decodeEmbedding(bytes: Uint8Array): Embedding {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 4 || buf[0] !== VERSION) {
    throw malformed(`it does not start with format version ${VERSION}`);
  }

  const idLength = buf[1] as number;
  const floats = buf.readUInt16LE(2);
  const header = align4(4 + idLength);
  if (idLength === 0 || floats === 0 || buf.length !== header + floats * 4) {
    throw malformed(`${buf.length} bytes do not hold a model id and ${floats} float32 values`);
  }

  const modelId = buf.toString('utf8', 4, 4 + idLength);
  const vector = new Float32Array(floats);
  for (let i = 0; i < floats; i++) vector[i] = buf.readFloatLE(header + i * 4);
  return { modelId, vector };
}

export function embeddingToBase64(embedding: Embedding): string {
  return encodeEmbedding(embedding).toString('base64');
}

export function embeddingFromBase64(text: string): Embedding {
  return decodeEmbedding(Buffer.from(text, 'base64'));
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function malformed(why: string): RollcallError {
  return new RollcallError(
    'EMBEDDING_MALFORMED',
    `The stored embedding cannot be read: ${why}. Re-enrol the face to store it again.`,
  );
}
