import { decodeEntryAs } from '@rollcall/contracts';
import { findPerson, type RegistryContext } from '@rollcall/registry';

import { rawToJpeg } from '../live/face-crop-lookup';
import { rangeEntries } from '../live/stream-reply';

/** Newest entries looked through for one camera's: every camera shares each stream. */
const SCAN = 300;
/** Matches this much older than the camera's newest still count as "now". */
const SIGHTING_WINDOW_MS = 2_000;

export interface LatestFrame {
  readonly jpeg: Buffer;
  readonly capturedAtMs: number;
  readonly width: number;
  readonly height: number;
}

export interface Sighting {
  readonly box: { x: number; y: number; width: number; height: number };
  /** Null for a face no enrolled person matched. */
  readonly personId: string | null;
  readonly name: string | null;
  readonly score: number;
  readonly capturedAtMs: number;
}

/** The newest frame of `cameraId` on the frames stream, as a JPEG. */
export async function latestFrame(
  context: RegistryContext,
  cameraId: string,
): Promise<LatestFrame | undefined> {
  const reply = await context.redis.callBuffer(
    'XREVRANGE',
    context.keys.frames.key,
    '+',
    '-',
    'COUNT',
    String(SCAN),
  );
  for (const entry of rangeEntries(reply)) {
    const frame = decodeEntryAs('Frame', entry.fields);
    if (frame.cameraId !== cameraId || frame.image === undefined) continue;
    const jpeg =
      frame.image.$case === 'jpeg' ? frame.image.value : await rawToJpeg(frame.image.value);
    return { jpeg, capturedAtMs: frame.capturedAtMs, width: frame.width, height: frame.height };
  }
  return undefined;
}

/** Faces the matcher decided on `cameraId` in its newest couple of seconds, with names. */
export async function recentSightings(
  context: RegistryContext,
  cameraId: string,
): Promise<Sighting[]> {
  const reply = await context.redis.callBuffer(
    'XREVRANGE',
    context.keys.matches.key,
    '+',
    '-',
    'COUNT',
    String(SCAN),
  );
  const sightings: Sighting[] = [];
  let newest: number | undefined;
  for (const entry of rangeEntries(reply)) {
    const match = decodeEntryAs('FaceMatched', entry.fields);
    const face = match.face;
    if (face?.cameraId !== cameraId || face.box === undefined) continue;
    newest ??= face.capturedAtMs;
    if (face.capturedAtMs < newest - SIGHTING_WINDOW_MS) break;

    const personId = match.personId === '' ? null : match.personId;
    const person = personId === null ? undefined : await findPerson(context, personId);
    sightings.push({
      box: face.box,
      personId,
      name: person?.name ?? null,
      score: match.score,
      capturedAtMs: face.capturedAtMs,
    });
  }
  return sightings;
}
