import { RollcallError } from '@rollcall/errors';
import { checkPart } from '@rollcall/streams';

import type { FaceMatch } from '../model/face-match';

/**
 * Refuses a decoded match the attendance logic cannot use. Ids go into Redis keys (the
 * per-person and per-camera indexes), so they must be valid key parts; times and boxes
 * must be finite. Every refusal is `STREAM_ENTRY_INVALID`, which the consumer dead-letters
 * at once: no retry makes a bad entry good.
 */
export function checkMatch(match: FaceMatch, entryId: string): FaceMatch {
  const problem = findProblem(match);
  if (problem === undefined) return match;
  throw new RollcallError(
    'STREAM_ENTRY_INVALID',
    `FaceMatched entry ${entryId} ${problem}; the matcher must send it.`,
    { details: { entryId, faceId: match.faceId } },
  );
}

function findProblem(match: FaceMatch): string | undefined {
  if (match.faceId === '') return 'has no face id';
  if (!isPart(match.cameraId)) return `has camera id "${match.cameraId}", not a valid id`;
  if (match.personId !== '' && !isPart(match.personId)) {
    return `has person id "${match.personId}", not a valid id`;
  }
  if (!Number.isSafeInteger(match.capturedAtMs) || match.capturedAtMs <= 0) {
    return `has capture time ${match.capturedAtMs}, not ms since the epoch`;
  }
  const { x, y, width, height } = match.box;
  if (![x, y, width, height, match.score].every(Number.isFinite)) {
    return 'has a box or score that is not a finite number';
  }
  return undefined;
}

function isPart(value: string): boolean {
  try {
    checkPart('id', value);
    return true;
  } catch {
    return false;
  }
}
