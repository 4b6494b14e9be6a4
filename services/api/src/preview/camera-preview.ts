import { decodeEntryAs } from '@rollcall/contracts';
import { findPerson, type RegistryContext } from '@rollcall/registry';

import { rawToJpeg } from '../live/face-crop-lookup';
import { rangeEntries } from '../live/stream-reply';

/** Newest entries looked through for one camera's: every camera shares each stream. */
const SCAN = 300;
/**
 * A matched frame at most this much older than the camera's newest frame is the one shown,
 * so its boxes sit on the faces they were found on. Older, the scene has moved on (a cut, or
 * nobody in view: the detector emits nothing for a frame without faces), and the newest
 * frame is shown bare. 1.5 s covers the frame-to-match latency measured on /metrics (p50
 * well under 0.5 s on one CPU) with room for a slow second.
 */
const MATCH_LAG_MS = 1_500;

export interface LatestFrame {
  readonly jpeg: Buffer;
  readonly seq: number;
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

/** The frame a preview should show and the faces matched in exactly that frame. */
export interface FrameSightings {
  /** Null when the camera has no frame on the stream. */
  readonly frameSeq: number | null;
  readonly capturedAtMs: number | null;
  readonly sightings: Sighting[];
}

interface FrameMeta {
  readonly seq: number;
  readonly capturedAtMs: number;
}

async function newestEntries(context: RegistryContext, key: string) {
  const reply = await context.redis.callBuffer('XREVRANGE', key, '+', '-', 'COUNT', String(SCAN));
  return rangeEntries(reply);
}

/** The frame `seq` of `cameraId` (the newest when undefined) still on the frames stream. */
export async function latestFrame(
  context: RegistryContext,
  cameraId: string,
  seq?: number,
): Promise<LatestFrame | undefined> {
  for (const entry of await newestEntries(context, context.keys.frames.key)) {
    const frame = decodeEntryAs('Frame', entry.fields);
    if (frame.cameraId !== cameraId || frame.image === undefined) continue;
    if (seq !== undefined && frame.seq !== seq) continue;
    const jpeg =
      frame.image.$case === 'jpeg' ? frame.image.value : await rawToJpeg(frame.image.value);
    return {
      jpeg,
      seq: frame.seq,
      capturedAtMs: frame.capturedAtMs,
      width: frame.width,
      height: frame.height,
    };
  }
  return undefined;
}

/** Sequence numbers and times of the camera's frames still on the stream, newest first. */
async function frameMetas(context: RegistryContext, cameraId: string): Promise<FrameMeta[]> {
  const metas: FrameMeta[] = [];
  for (const entry of await newestEntries(context, context.keys.frames.key)) {
    const frame = decodeEntryAs('Frame', entry.fields);
    if (frame.cameraId !== cameraId || frame.image === undefined) continue;
    metas.push({ seq: frame.seq, capturedAtMs: frame.capturedAtMs });
  }
  return metas;
}

/**
 * Which frame of `cameraId` to preview and the faces matched in it alone: the newest
 * matched frame when it is recent and still on the frames stream, else the newest frame
 * with no faces. Boxes of other frames are never mixed in.
 */
export async function frameSightings(
  context: RegistryContext,
  cameraId: string,
): Promise<FrameSightings> {
  const frames = await frameMetas(context, cameraId);
  const newest = frames[0];
  if (newest === undefined) return { frameSeq: null, capturedAtMs: null, sightings: [] };

  const matched = await newestMatchedFrame(context, cameraId);
  const shown = frames.find((f) => f.seq === matched?.seq);
  if (
    matched === undefined ||
    shown === undefined ||
    shown.capturedAtMs < newest.capturedAtMs - MATCH_LAG_MS
  ) {
    return { frameSeq: newest.seq, capturedAtMs: newest.capturedAtMs, sightings: [] };
  }
  return { frameSeq: shown.seq, capturedAtMs: shown.capturedAtMs, sightings: matched.sightings };
}

/** The newest frame the matcher decided faces of, with every face decided in it. */
async function newestMatchedFrame(context: RegistryContext, cameraId: string) {
  let seq: number | undefined;
  const byFace = new Map<string, Sighting>();
  for (const entry of await newestEntries(context, context.keys.matches.key)) {
    const match = decodeEntryAs('FaceMatched', entry.fields);
    const face = match.face;
    if (face?.cameraId !== cameraId || face.box === undefined) continue;
    seq ??= face.frameSeq;
    // A face decided twice (a redelivered entry) is drawn once: the newest decision.
    if (face.frameSeq !== seq || byFace.has(face.faceId)) continue;

    const personId = match.personId === '' ? null : match.personId;
    const person = personId === null ? undefined : await findPerson(context, personId);
    byFace.set(face.faceId, {
      box: face.box,
      personId,
      name: person?.name ?? null,
      score: match.score,
      capturedAtMs: face.capturedAtMs,
    });
  }
  return seq === undefined ? undefined : { seq, sightings: [...byFace.values()] };
}
