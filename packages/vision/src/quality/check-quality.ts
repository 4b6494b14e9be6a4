import type { FaceAssessment } from './assess-face';
import type { QualityIssue } from './quality-issue';
import { resolveQualityThresholds, type QualityThresholds } from './quality-thresholds';

/**
 * Every way the assessed face misses the thresholds, in the order a person should fix them
 * (one person, then size, then focus, then pose, then confidence). Empty means accepted.
 */
export function checkQuality(
  assessment: FaceAssessment,
  thresholds?: QualityThresholds,
): QualityIssue[] {
  const limits = resolveQualityThresholds(thresholds);
  const issues: QualityIssue[] = [];

  if (assessment.faceCount > limits.maxFaces) {
    issues.push(tooManyFaces(assessment.faceCount, limits.maxFaces));
  }
  if (assessment.eyeDistance < limits.minEyeDistance) {
    const value = Math.round(assessment.eyeDistance);
    issues.push({
      code: 'FACE_TOO_SMALL',
      message:
        `The face is too small: the eyes are ${value} px apart, at least ` +
        `${limits.minEyeDistance} px are needed. Move closer or use a larger photo.`,
      measure: 'eyeDistance',
      value,
      limit: limits.minEyeDistance,
    });
  }
  if (assessment.sharpness < limits.minSharpness) {
    const value = round1(assessment.sharpness);
    issues.push({
      code: 'FACE_BLURRED',
      message:
        `The face is blurred: its sharpness is ${value}, at least ${limits.minSharpness} is ` +
        'needed. Hold the camera still, let it focus on the face, and use more light.',
      measure: 'sharpness',
      value,
      limit: limits.minSharpness,
    });
  }
  issues.push(...poseIssues(assessment, limits.maxYaw, limits.maxPitch, limits.maxRoll));
  if (assessment.score < limits.minScore) {
    const value = Math.round(assessment.score * 100);
    issues.push({
      code: 'FACE_LOW_CONFIDENCE',
      message:
        `The face is hard to make out: the detector is ${value}% sure, at least ` +
        `${Math.round(limits.minScore * 100)}% is needed. Use a clear, well-lit photo ` +
        'with nothing covering the face.',
      measure: 'score',
      value: round1(assessment.score),
      limit: limits.minScore,
    });
  }
  return issues;
}

/** The single issue for a photo with no face at all. */
export function noFaceIssue(): QualityIssue {
  return {
    code: 'FACE_NOT_FOUND',
    message:
      'No face was found in the photo. Use a well-lit photo in which the whole face is ' +
      'visible and looks at the camera.',
    measure: 'faceCount',
    value: 0,
    limit: 1,
  };
}

function tooManyFaces(count: number, maxFaces: number): QualityIssue {
  return {
    code: 'FACE_MULTIPLE',
    message: `${count} faces are in the photo; ${
      maxFaces === 1 ? 'exactly one is' : `at most ` + `${maxFaces} are`
    } needed. Crop the photo to one person or take a new one alone.`,
    measure: 'faceCount',
    value: count,
    limit: maxFaces,
  };
}

function poseIssues(
  assessment: FaceAssessment,
  maxYaw: number,
  maxPitch: number,
  maxRoll: number,
): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const turned = (measure: string, angle: number, limit: number, message: string): void => {
    if (Math.abs(angle) <= limit) return;
    issues.push({ code: 'FACE_TURNED', message, measure, value: Math.round(angle), limit });
  };
  const yaw = Math.round(Math.abs(assessment.yaw));
  const pitch = Math.round(Math.abs(assessment.pitch));
  const roll = Math.round(Math.abs(assessment.roll));

  turned(
    'yaw',
    assessment.yaw,
    maxYaw,
    `The face is turned about ${yaw}° to the side; at most ${maxYaw}° is accepted. ` +
      'Look straight at the camera.',
  );
  turned(
    'pitch',
    assessment.pitch,
    maxPitch,
    `The head is tipped about ${pitch}° ${assessment.pitch > 0 ? 'down' : 'up'}; at most ` +
      `${maxPitch}° is accepted. Hold your head level, with the camera at eye height.`,
  );
  turned(
    'roll',
    assessment.roll,
    maxRoll,
    `The head is tilted about ${roll}° sideways; at most ${maxRoll}° is accepted. ` +
      'Hold your head upright.',
  );
  return issues;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
