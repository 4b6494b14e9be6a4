import type { ErrorCode } from '@rollcall/errors';

/** Quality codes from the error registry, one per reason a photo is refused. */
export type QualityCode = Extract<
  ErrorCode,
  | 'FACE_NOT_FOUND'
  | 'FACE_MULTIPLE'
  | 'FACE_TOO_SMALL'
  | 'FACE_BLURRED'
  | 'FACE_TURNED'
  | 'FACE_LOW_CONFIDENCE'
>;

/** One reason to refuse a photo, with a sentence that tells the person what to do. */
export interface QualityIssue {
  readonly code: QualityCode;
  readonly message: string;
  /** Which measurement failed, e.g. 'eyeDistance' or 'yaw'. */
  readonly measure: string;
  /** The measured value (rounded as shown in the message) and the limit it missed. */
  readonly value: number;
  readonly limit: number;
}
