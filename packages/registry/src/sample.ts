import { RollcallError } from '@rollcall/errors';
import type { Embedding } from '@rollcall/vision';

/** Quality measurements of the enrolled face (see `FaceAssessment` in @rollcall/vision). */
export interface SampleQuality {
  readonly eyeDistance: number;
  readonly sharpness: number;
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
  readonly score: number;
}

/** One enrolled face of a person: its record without the embedding bytes. */
export interface Sample {
  readonly id: string;
  readonly personId: string;
  readonly modelId: string;
  readonly quality: SampleQuality | null;
  readonly createdAtMs: number;
  /** Whether a JPEG crop of the face is stored (`getSampleCrop`). */
  readonly hasCrop: boolean;
  /** sha256 (hex) of the photo file it came from; absent on samples stored before it was. */
  readonly contentSha256?: string;
}

/** What enrollment stores for one accepted photo. */
export interface NewSample {
  readonly embedding: Embedding;
  readonly quality?: SampleQuality | null;
  /** JPEG of the face, for the console and audits. Default: none stored. */
  readonly cropJpeg?: Buffer | null;
  /** sha256 (hex) of the photo file, so the same file is not enrolled twice. Default: none. */
  readonly contentSha256?: string | null;
}

/** One sample's embedding, as the matcher loads it. */
export interface SampleVector {
  readonly personId: string;
  readonly sampleId: string;
  readonly embedding: Embedding;
}

export function parseSample(personId: string, sampleId: string, json: string): Sample {
  try {
    const value = JSON.parse(json) as Sample;
    if (value.id === sampleId && typeof value.modelId === 'string') return value;
  } catch {
    // Reported below with the ids.
  }
  throw new RollcallError(
    'STREAM_ENTRY_INVALID',
    `The stored record of sample ${sampleId} of person ${personId} is unreadable; delete it.`,
    { details: { personId, sampleId } },
  );
}

export function sampleNotFound(personId: string, sampleId: string): RollcallError {
  return new RollcallError(
    'SAMPLE_NOT_FOUND',
    `Person "${personId}" has no face sample "${sampleId}"; list them with ` +
      `GET /v1/people/${personId}/faces.`,
    { details: { personId, sampleId } },
  );
}
