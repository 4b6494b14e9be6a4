import {
  FaceEmbedded,
  decodeEntryAs,
  encodeEntry,
  vectorToBytes,
  type FaceMatched,
} from '@rollcall/contracts';
import { appendEntry, type KeySpace } from '@rollcall/streams';
import type Redis from 'ioredis';

/** Appends one `FaceEmbedded` as the embedder would. */
export async function appendEmbedded(
  redis: Redis,
  keys: KeySpace,
  face: { cameraId: string; faceId: string; modelId: string; vector: Float32Array },
): Promise<void> {
  const message = FaceEmbedded.fromPartial({
    face: { faceId: face.faceId, cameraId: face.cameraId, frameSeq: 7, capturedAtMs: 1_000 },
    modelId: face.modelId,
    vectorF32: vectorToBytes(face.vector),
  });
  await appendEntry(redis, keys.embeddings, encodeEntry('FaceEmbedded', message));
}

/** Every `FaceMatched` on the matches stream, oldest first. */
export async function readMatches(redis: Redis, keys: KeySpace): Promise<FaceMatched[]> {
  const entries = await redis.xrangeBuffer(keys.matches.key, '-', '+');
  return entries.map(([, flat]) => decodeEntryAs('FaceMatched', fieldMap(flat)));
}

/** Every dead letter of the embeddings stream, fields as text. */
export async function readDeadLetters(
  redis: Redis,
  keys: KeySpace,
): Promise<Map<string, Buffer>[]> {
  const entries = await redis.xrangeBuffer(keys.deadLetters(keys.embeddings).key, '-', '+');
  return entries.map(([, flat]) => fieldMap(flat));
}

function fieldMap(flat: Buffer[]): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    fields.set((flat[i] as Buffer).toString('utf8'), flat[i + 1] as Buffer);
  }
  return fields;
}
