import { isRollcallError } from '@rollcall/errors';

import type { FaceAssessment } from '../../src/quality/assess-face';
import { checkQuality, noFaceIssue } from '../../src/quality/check-quality';
import { DEFAULT_QUALITY_THRESHOLDS } from '../../src/quality/quality-thresholds';

/** Measurements of a good enrollment photo (the median LFW face with the default pack). */
const GOOD: FaceAssessment = {
  eyeDistance: 41,
  sharpness: 260,
  yaw: 0,
  pitch: 3,
  roll: -1,
  score: 1,
  faceCount: 1,
  box: { x: 80, y: 80, width: 95, height: 110 },
};

function codes(assessment: Partial<FaceAssessment>): string[] {
  return checkQuality({ ...GOOD, ...assessment }).map((issue) => issue.code);
}

describe('checkQuality', () => {
  it('accepts a face that meets every default', () => {
    expect(checkQuality(GOOD)).toEqual([]);
  });

  it('says how small the face is and what is needed', () => {
    const [issue] = checkQuality({ ...GOOD, eyeDistance: 12.4 });
    expect(issue).toMatchObject({ code: 'FACE_TOO_SMALL', measure: 'eyeDistance', value: 12 });
    expect(issue?.message).toBe(
      `The face is too small: the eyes are 12 px apart, at least ` +
        `${DEFAULT_QUALITY_THRESHOLDS.minEyeDistance} px are needed. ` +
        'Move closer or use a larger photo.',
    );
  });

  it('names each failed measurement once, one person first', () => {
    expect(codes({ faceCount: 3, sharpness: 2, yaw: -70, score: 0.3 })).toEqual([
      'FACE_MULTIPLE',
      'FACE_BLURRED',
      'FACE_TURNED',
      'FACE_LOW_CONFIDENCE',
    ]);
  });

  it('tells turned, nodding and tilted heads apart', () => {
    const issues = checkQuality({ ...GOOD, yaw: 60, pitch: -55, roll: 50 });
    expect(issues.map((i) => i.measure)).toEqual(['yaw', 'pitch', 'roll']);
    expect(issues[0]?.message).toMatch(/turned about 60° to the side/);
    expect(issues[1]?.message).toMatch(/tipped about 55° up/);
    expect(issues[2]?.message).toMatch(/tilted about 50° sideways/);
  });

  it('applies thresholds given by the caller', () => {
    expect(checkQuality(GOOD, { minEyeDistance: 60 }).map((i) => i.code)).toEqual([
      'FACE_TOO_SMALL',
    ]);
    expect(checkQuality({ ...GOOD, faceCount: 2 }, { maxFaces: 2 })).toEqual([]);
  });

  it('refuses thresholds that are not non-negative numbers', () => {
    let caught: unknown;
    try {
      checkQuality(GOOD, { maxYaw: -5, minSharpness: Number.NaN });
    } catch (err) {
      caught = err;
    }
    expect(isRollcallError(caught, 'INVALID_ARGUMENT')).toBe(true);
    expect((caught as Error).message).toMatch(/minSharpness, maxYaw/);
  });

  it('has a sentence for a photo without a face', () => {
    expect(noFaceIssue()).toMatchObject({ code: 'FACE_NOT_FOUND', value: 0 });
  });
});
