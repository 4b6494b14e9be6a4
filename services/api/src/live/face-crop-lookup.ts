import { decodeEntryAs, type RawImage } from '@rollcall/contracts';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';
import sharp from 'sharp';

import { rangeEntries } from './stream-reply';

/*
 * How far around a record's time (the capture time of its face) the face is looked for on
 * the faces stream: the entry is appended after detection, which takes ~0.1-1 s and more
 * on a busy machine; a little before allows for clocks of two machines disagreeing.
 */
const BEFORE_MS = 5_000;
const AFTER_MS = 30_000;
/** Entries read per window: 10 fps with a few faces for 35 s, and a cap on the work. */
const MAX_ENTRIES = 1_000;

/**
 * The JPEG of face `faceId` (`<camera>:<frame seq>:<index>`) as the detector aligned it,
 * found on the faces stream near `atMs`; undefined once the stream has been trimmed past
 * it (the stream is a buffer, not storage).
 */
export async function findFaceCrop(
  redis: Redis,
  keys: KeySpace,
  faceId: string,
  atMs: number,
): Promise<Buffer | undefined> {
  const reply = await redis.callBuffer(
    'XRANGE',
    keys.faces.key,
    String(Math.max(0, atMs - BEFORE_MS)),
    String(atMs + AFTER_MS),
    'COUNT',
    String(MAX_ENTRIES),
  );
  for (const entry of rangeEntries(reply)) {
    const found = decodeEntryAs('FaceFound', entry.fields);
    if (found.face?.faceId !== faceId) continue;
    const image = found.crops[0]?.image;
    return image === undefined ? undefined : rawToJpeg(image);
  }
  return undefined;
}

/** A stream's raw rgb24 or gray8 pixels as a JPEG. */
export function rawToJpeg(image: RawImage): Promise<Buffer> {
  const channels = image.pixelFormat === 'gray8' ? 1 : 3;
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels } })
    .jpeg({ quality: 85 })
    .toBuffer();
}
