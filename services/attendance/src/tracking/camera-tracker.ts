import type { FaceMatch } from '../model/face-match';
import { cosine, iou } from './geometry';
import type { Track } from './track';
import {
  resolveTrackerOptions,
  type ResolvedTrackerOptions,
  type TrackerOptions,
} from './tracker-options';

/** The track a face was given, and the tracks that ended because they went unseen. */
export interface Assignment {
  readonly track: Track;
  /** True when the face started the track. */
  readonly started: boolean;
  readonly ended: readonly Track[];
}

/**
 * Joins the faces of one camera into tracks, one face at a time (the matcher sends one
 * entry per face). A face continues the live track it fits best, by box overlap and
 * embedding cosine; a track takes at most one face per frame, so two people side by side
 * stay two tracks even when one of them is briefly unknown. Pure: no clock, no I/O; time
 * is the faces' capture time, and `expire` takes the caller's now.
 */
export class CameraTracker {
  private readonly options: ResolvedTrackerOptions;
  private readonly tracks = new Map<string, Track>();

  constructor(
    readonly cameraId: string,
    options: TrackerOptions = {},
  ) {
    this.options = resolveTrackerOptions(options);
  }

  assign(face: FaceMatch): Assignment {
    const ended = this.expire(face.capturedAtMs);

    // The same face again (a redelivered entry) belongs to the track it already joined.
    const known = [...this.tracks.values()].find((t) => t.lastFaceId === face.faceId);
    if (known) return { track: known, started: false, ended };

    const best = this.bestTrack(face);
    if (best) {
      continueTrack(best, face);
      return { track: best, started: false, ended };
    }
    const track = startTrack(face);
    this.tracks.set(track.id, track);
    return { track, started: true, ended };
  }

  /** Ends and returns the tracks last seen more than `maxGapMs` before `nowMs`. */
  expire(nowMs: number): Track[] {
    const ended: Track[] = [];
    for (const track of this.tracks.values()) {
      if (nowMs - track.lastSeenAtMs > this.options.maxGapMs) ended.push(track);
    }
    for (const track of ended) this.tracks.delete(track.id);
    return ended;
  }

  get liveTracks(): readonly Track[] {
    return [...this.tracks.values()];
  }

  private bestTrack(face: FaceMatch): Track | undefined {
    let best: Track | undefined;
    let bestAffinity = -Infinity;

    for (const track of this.tracks.values()) {
      const affinity = this.affinity(track, face);
      // Ties go to the older track (insertion order), so the choice is deterministic.
      if (affinity !== undefined && affinity > bestAffinity) {
        best = track;
        bestAffinity = affinity;
      }
    }
    return best;
  }

  /** How well `face` continues `track` (higher is better), or `undefined` when it cannot. */
  private affinity(track: Track, face: FaceMatch): number | undefined {
    const { minIou, minSimilarity, reacquireSimilarity, maxGapMs } = this.options;
    if (track.lastFrameSeq === face.frameSeq) return undefined;
    if (Math.abs(face.capturedAtMs - track.lastSeenAtMs) > maxGapMs) return undefined;

    const overlap = iou(track.box, face.box);
    const similarity = cosine(track.vector, face.vector);
    if (similarity === undefined) return overlap >= minIou ? overlap : undefined;

    const byPosition = overlap >= minIou && similarity >= minSimilarity;
    const byAppearance = similarity >= reacquireSimilarity;
    return byPosition || byAppearance ? overlap + similarity : undefined;
  }
}

function startTrack(face: FaceMatch): Track {
  return {
    id: `${face.faceId}@${face.capturedAtMs}`,
    cameraId: face.cameraId,
    startedAtMs: face.capturedAtMs,
    box: face.box,
    vector: face.vector,
    lastSeenAtMs: face.capturedAtMs,
    lastFrameSeq: face.frameSeq,
    lastFaceId: face.faceId,
    sightings: 1,
  };
}

function continueTrack(track: Track, face: FaceMatch): void {
  track.box = face.box;
  // The latest look, not an average: appearance drifts as a person turns or lighting changes.
  if (face.vector.length > 0) track.vector = face.vector;
  track.lastSeenAtMs = Math.max(track.lastSeenAtMs, face.capturedAtMs);
  track.lastFrameSeq = face.frameSeq;
  track.lastFaceId = face.faceId;
  track.sightings += 1;
}
