import { RollcallError } from '@rollcall/errors';

/** How faces are joined into tracks on one camera. */
export interface TrackerOptions {
  /**
   * Least box overlap (IoU) with a track's last box for a face to continue it by position.
   * Default 0.3: at 5-10 fps a walking face keeps well above that between frames, while two
   * people side by side overlap little or not at all.
   */
  minIou?: number;
  /**
   * Least cosine between the face's embedding and the track's for a face that overlaps the
   * track to continue it. Default 0.3. Measured on the Hamilton clip at 10 fps
   * (`bench/hamilton-tracks.ts`): a face and its track's last face scored at least 0.62
   * (ArcFace MobileFaceNet) and 0.51 (dlib ResNet); overlap and one face per track per frame
   * do most of the work, this only refuses a clearly different face in the same place.
   */
  minSimilarity?: number;
  /**
   * Cosine at which a face continues a track without overlapping it (it moved fast, or was
   * hidden for a moment and reappeared elsewhere). Default 0.75: on the same clip, the
   * highest cosine of a face to another live track was 0.56 (ArcFace) and 0.71 (dlib, whose
   * embeddings of different people sit much closer), while faces continuing their own track
   * had a 10th percentile of 0.76-0.81.
   */
  reacquireSimilarity?: number;
  /** A track not seen for this long ends; the next face starts a new one. Default 3000 ms. */
  maxGapMs?: number;
}

export type ResolvedTrackerOptions = Required<TrackerOptions>;

export function resolveTrackerOptions(options: TrackerOptions = {}): ResolvedTrackerOptions {
  const resolved = {
    minIou: options.minIou ?? 0.3,
    minSimilarity: options.minSimilarity ?? 0.3,
    reacquireSimilarity: options.reacquireSimilarity ?? 0.75,
    maxGapMs: options.maxGapMs ?? 3_000,
  };
  for (const name of ['minIou', 'minSimilarity', 'reacquireSimilarity'] as const) {
    checkRange(name, resolved[name], -1, 1);
  }
  checkRange('maxGapMs', resolved.maxGapMs, 1, Number.MAX_SAFE_INTEGER);
  return resolved;
}

/** A finite number in [min, max], or a coded error naming the option. */
export function checkRange(name: string, value: number, min: number, max: number): void {
  if (Number.isFinite(value) && value >= min && value <= max) return;
  throw new RollcallError(
    'INVALID_ARGUMENT',
    `Option ${name} is ${String(value)}; use a number from ${min} to ${max}.`,
    { details: { option: name } },
  );
}
