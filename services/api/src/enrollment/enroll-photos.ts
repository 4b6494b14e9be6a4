import { createHash } from 'node:crypto';

import type { RollcallError } from '@rollcall/errors';
import { isRollcallError } from '@rollcall/errors';
import {
  addSample,
  findSampleByContent,
  type RegistryContext,
  type SampleQuality,
} from '@rollcall/registry';

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

/**
 * Whom photos are enrolled for: an enrolled person's id, or a function that makes the
 * person and answers its id, called only when a photo is accepted (a bulk import's new
 * folder, so a folder with no usable photo leaves no empty person behind).
 */
export type EnrollmentTarget = string | (() => Promise<string>);

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
 * Enrols `photos` for `target`, one at a time: each is decoded, must show exactly one
 * usable face (the quality gate), is embedded and stored as a sample. A photo is refused
 * with its code rather than failing the others. A file whose bytes (sha256) are already a
 * sample of the person is refused as `FACE_ALREADY_ENROLLED`, so uploading or importing the
 * same photo again adds nothing. An accepted face that matches other people at the
 * threshold is stored, with a warning per person (a duplicate enrolment or a look-alike
 * someone should check).
 */
export async function enrollPhotos(
  deps: EnrollmentDeps,
  target: EnrollmentTarget,
  photos: readonly Photo[],
): Promise<EnrollmentResult> {
  const result: EnrollmentResult = { accepted: [], refused: [], warnings: [] };
  let person = target;
  for (const photo of photos) {
    const personId = await enrollOne(deps, person, photo, result);
    if (personId !== undefined) person = personId;
  }
  return result;
}

/** The person's id once known (given, or made for an accepted photo). */
async function enrollOne(
  deps: EnrollmentDeps,
  target: EnrollmentTarget,
  photo: Photo,
  result: EnrollmentResult,
): Promise<string | undefined> {
  const known = typeof target === 'string' ? target : undefined;
  const contentSha256 = createHash('sha256').update(photo.bytes).digest('hex');
  const repeat = await repeatRefusal(deps, known, photo, contentSha256);
  if (repeat !== undefined) {
    result.refused.push(repeat);
    return known;
  }

  let analysis;
  try {
    analysis = await deps.vision.detectAndEmbed(photo.bytes, MAX_FACES);
  } catch (error) {
    if (!isPhotoError(error)) throw error;
    result.refused.push({ file: photo.file, code: error.code, message: error.message });
    return known;
  }

  const verdict = judgePhoto(analysis);
  const face = verdict.face;
  const first = verdict.issues[0];
  if (face === undefined || first !== undefined) {
    const issues = verdict.issues.map(({ code, message }) => ({ code, message }));
    const { code, message } = first ?? { code: 'FACE_NOT_FOUND', message: 'No face found.' };
    result.refused.push({ file: photo.file, code, message, issues });
    return known;
  }

  const personId = known ?? (await (target as () => Promise<string>)());
  const threshold = deps.threshold ?? analysis.threshold;
  const similar = await findSimilarPeople(deps.registry, face.embedding, threshold, personId);
  const quality: SampleQuality = { ...face.quality, score: face.score };
  const cropJpeg =
    deps.storeCrops === false ? undefined : await faceCropJpeg(photo.bytes, face.box, analysis);
  const sample = await addSample(deps.registry, personId, {
    embedding: face.embedding,
    quality,
    cropJpeg: cropJpeg ?? null,
    contentSha256,
  });

  result.accepted.push({ file: photo.file, sampleId: sample.id, quality });
  for (const other of similar) {
    result.warnings.push({ code: 'FACE_LOOKS_LIKE_OTHER', file: photo.file, ...other });
  }
  return personId;
}

/** `FACE_ALREADY_ENROLLED` when the person has a sample made from these very bytes. */
async function repeatRefusal(
  deps: EnrollmentDeps,
  personId: string | undefined,
  photo: Photo,
  contentSha256: string,
): Promise<RefusedPhoto | undefined> {
  if (personId === undefined) return undefined;
  const existing = await findSampleByContent(deps.registry, personId, contentSha256);
  if (existing === undefined) return undefined;
  return {
    file: photo.file,
    code: 'FACE_ALREADY_ENROLLED',
    message:
      `This photo is already enrolled for this person as sample ${existing.id}; ` +
      'nothing was added.',
  };
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
