import type { RollcallError } from '@rollcall/errors';
import { isRollcallError } from '@rollcall/errors';
import { addSample, type RegistryContext, type SampleQuality } from '@rollcall/registry';

import type { VisionClient } from '../vision/vision-client';
import { faceCropJpeg } from './face-crop';
import { judgePhoto } from './judge-photo';
import { findSimilarPeople } from './similar-person';

/** One uploaded photo. */
export interface Photo {
  /** The file name the client sent, echoed in refusals. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface AcceptedPhoto {
  readonly file: string;
  readonly sampleId: string;
  readonly quality: SampleQuality;
}

export interface RefusedPhoto {
  readonly file: string;
  readonly code: string;
  readonly message: string;
  /** Every quality issue, when the face was found but judged unfit. */
  readonly issues?: { code: string; message: string }[];
}

export interface LooksLikeOther {
  readonly code: 'FACE_LOOKS_LIKE_OTHER';
  readonly file: string;
  readonly personId: string;
  readonly score: number;
}

export interface EnrollmentResult {
  readonly accepted: AcceptedPhoto[];
  readonly refused: RefusedPhoto[];
  readonly warnings: LooksLikeOther[];
}

export interface EnrollmentDeps {
  readonly registry: RegistryContext;
  readonly vision: VisionClient;
  /** The match threshold; null: the pack's own. */
  readonly threshold: number | null;
  /** Store a JPEG crop of each accepted face. Default true. */
  readonly storeCrops?: boolean;
}

/*
 * Faces asked of the vision side per photo. A second comparable face is enough to refuse;
 * eight keeps a group photo cheap while still finding the largest face in it.
 */
const MAX_FACES = 8;

/**
 * Enrols `photos` for `personId`, one at a time: each is decoded, must show exactly one
 * usable face (the quality gate), is embedded and stored as a sample. A photo is refused
 * with its code rather than failing the others. An accepted face that matches other people
 * at the threshold is stored, with a warning per person (a duplicate enrolment or a
 * look-alike someone should check).
 */
export async function enrollPhotos(
  deps: EnrollmentDeps,
  personId: string,
  photos: readonly Photo[],
): Promise<EnrollmentResult> {
  const result: EnrollmentResult = { accepted: [], refused: [], warnings: [] };
  for (const photo of photos) await enrollOne(deps, personId, photo, result);
  return result;
}

async function enrollOne(
  deps: EnrollmentDeps,
  personId: string,
  photo: Photo,
  result: EnrollmentResult,
): Promise<void> {
  let analysis;
  try {
    analysis = await deps.vision.detectAndEmbed(photo.bytes, MAX_FACES);
  } catch (error) {
    if (!isPhotoError(error)) throw error;
    result.refused.push({ file: photo.file, code: error.code, message: error.message });
    return;
  }

  const verdict = judgePhoto(analysis);
  const face = verdict.face;
  const first = verdict.issues[0];
  if (face === undefined || first !== undefined) {
    const issues = verdict.issues.map(({ code, message }) => ({ code, message }));
    const { code, message } = first ?? { code: 'FACE_NOT_FOUND', message: 'No face found.' };
    result.refused.push({ file: photo.file, code, message, issues });
    return;
  }

  const threshold = deps.threshold ?? analysis.threshold;
  const similar = await findSimilarPeople(deps.registry, face.embedding, threshold, personId);
  const quality: SampleQuality = { ...face.quality, score: face.score };
  const cropJpeg =
    deps.storeCrops === false ? undefined : await faceCropJpeg(photo.bytes, face.box, analysis);
  const sample = await addSample(deps.registry, personId, {
    embedding: face.embedding,
    quality,
    cropJpeg: cropJpeg ?? null,
  });

  result.accepted.push({ file: photo.file, sampleId: sample.id, quality });
  for (const other of similar) {
    result.warnings.push({ code: 'FACE_LOOKS_LIKE_OTHER', file: photo.file, ...other });
  }
}

/*
 * Errors about the photo itself (unreadable, too large, no face): a refusal of that photo.
 * Anything else (vision down, Redis gone) fails the request.
 */
function isPhotoError(error: unknown): error is RollcallError {
  return (
    isRollcallError(error) && (error.code.startsWith('IMAGE_') || error.code.startsWith('FACE_'))
  );
}
