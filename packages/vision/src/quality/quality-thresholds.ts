import { RollcallError } from '@rollcall/errors';

/**
 * What a photo must reach to be accepted for enrollment. The defaults were calibrated with
 * the default pack's detector on every fifth LFW deep-funneled photo (2,364) and on blurred
 * and shrunk copies; docs/decisions/face-quality.md has the figures.
 */
export interface QualityThresholds {
  /**
   * Fewest pixels between the eye centres. Default 20: the smallest LFW face measured has
   * 25 px (the median 41), and LFW is the resolution recognisers are benchmarked at; a face
   * 30 px wide (12 px between the eyes) is refused. At 20 px the 112 x 112 recognition crop
   * (35 px between the eyes) is enlarged 1.75 times, about the most it tolerates.
   */
  readonly minEyeDistance?: number;
  /**
   * Least variance of the Laplacian on the 64 px inner-face patch. Default 20: the least
   * sharp LFW face scores 24.6 (median 261); a Gaussian blur of sigma 6 brings every one
   * under 13.3, sigma 3 two thirds of them under 20.
   */
  readonly minSharpness?: number;
  /**
   * Largest landmark yaw in degrees, either side. Default 40: refuses 0.8% of LFW (faces
   * visibly turned 35 degrees or more) and faces near profile.
   */
  readonly maxYaw?: number;
  /** Largest landmark pitch in degrees, up or down. Default 40: refuses 0.5% of LFW. */
  readonly maxPitch?: number;
  /**
   * Largest roll (eye-line tilt) in degrees. Default 45: alignment undoes roll, so the limit
   * only catches faces lying sideways, whose landmarks are less reliable.
   */
  readonly maxRoll?: number;
  /**
   * Least detector score. Default 0.7: above the default pack's 0.6 detection threshold;
   * the least confident LFW face measured scores 0.77 with it.
   */
  readonly minScore?: number;
  /** Most faces allowed in the photo. Default 1. */
  readonly maxFaces?: number;
  /**
   * Another face counts towards `maxFaces` when its eye distance is at least this fraction
   * of the judged face's. Default 0.5: a bystander far behind the subject does not refuse
   * the photo, a second person beside them does.
   */
  readonly otherFaceRatio?: number;
}

export type ResolvedQualityThresholds = Required<QualityThresholds>;

export const DEFAULT_QUALITY_THRESHOLDS: ResolvedQualityThresholds = Object.freeze({
  minEyeDistance: 20,
  minSharpness: 20,
  maxYaw: 40,
  maxPitch: 40,
  maxRoll: 45,
  minScore: 0.7,
  maxFaces: 1,
  otherFaceRatio: 0.5,
});

/** Fills in defaults; refuses negative or non-numeric limits. */
export function resolveQualityThresholds(
  thresholds: QualityThresholds = {},
): ResolvedQualityThresholds {
  const resolved = { ...DEFAULT_QUALITY_THRESHOLDS, ...definedOnly(thresholds) };
  const wrong = Object.entries(resolved).filter(([, v]) => !Number.isFinite(v) || v < 0);
  if (wrong.length > 0) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Quality thresholds must be non-negative numbers: ${wrong.map(([k]) => k).join(', ')}.`,
      { details: Object.fromEntries(wrong) },
    );
  }
  return resolved;
}

function definedOnly(thresholds: QualityThresholds): QualityThresholds {
  return Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined));
}
