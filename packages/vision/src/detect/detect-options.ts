import { RollcallError } from '@rollcall/errors';
import type { DetectOptions } from './face-detector';

/** Detect options with every default filled in. */
export interface ResolvedDetectOptions {
  readonly minScore: number;
  readonly nmsIou: number;
  readonly maxFaces: number;
}

/** The pack's detector thresholds, used where a caller gives none. */
export interface DetectorDefaults {
  readonly scoreThreshold: number;
  readonly nmsIou: number;
}

export function resolveDetectOptions(
  options: DetectOptions | undefined,
  defaults: DetectorDefaults,
): ResolvedDetectOptions {
  const minScore = options?.minScore ?? defaults.scoreThreshold;
  const nmsIou = options?.nmsIou ?? defaults.nmsIou;
  const maxFaces = options?.maxFaces ?? Number.POSITIVE_INFINITY;

  if (!(minScore >= 0 && minScore <= 1)) throw invalid('minScore', minScore, 'in [0, 1]');
  if (!(nmsIou >= 0 && nmsIou <= 1)) throw invalid('nmsIou', nmsIou, 'in [0, 1]');
  if (!(maxFaces >= 1) || (Number.isFinite(maxFaces) && !Number.isInteger(maxFaces))) {
    throw invalid('maxFaces', maxFaces, 'a whole number of at least 1');
  }
  return { minScore, nmsIou, maxFaces };
}

function invalid(name: string, value: number, expected: string): RollcallError {
  return new RollcallError(
    'INVALID_ARGUMENT',
    `detect option ${name} is ${value}; it must be ${expected}.`,
    { details: { option: name, value } },
  );
}
