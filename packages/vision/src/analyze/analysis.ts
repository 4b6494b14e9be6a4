import type { Embedding } from '../embedding/embedding';
import type { DetectOptions, DetectedFace } from '../detect/face-detector';
import type { RgbImage } from '../image/rgb-image';
import type { InferenceOptions } from '../runtime/inference-options';
import type { LoadedPack } from '../packs/loaded-pack';
import type { FaceAssessment } from '../quality/assess-face';
import type { QualityIssue } from '../quality/quality-issue';
import type { QualityThresholds } from '../quality/quality-thresholds';

/** How a `FaceAnalyzer` is built; every field has a default. */
export interface FaceAnalyzerOptions {
  /** A pack whose detector to use instead of the recognising pack's own. Default: none. */
  readonly detectorPack?: LoadedPack;
  /** How models run. Default `DEFAULT_INFERENCE_OPTIONS` (cpu, 1 thread). */
  readonly inference?: InferenceOptions;
  /** Flip test-time augmentation. Default: the pack manifest's `flip`. */
  readonly flip?: boolean;
}

/** Per-call choices of `FaceAnalyzer.analyze`, on top of the detector's options. */
export interface AnalyzeOptions extends DetectOptions {
  /** Compute each face's embedding. Default true. */
  readonly embed?: boolean;
  /** Return each face's aligned crop(s), keyed by template (`templateKey`). Default false. */
  readonly crops?: boolean;
  /**
   * `'one'`: the image must show exactly one face, else `FACE_NOT_FOUND` or
   * `FACE_MULTIPLE` (enrolment, a single-person check-in). Default `'any'`.
   */
  readonly expect?: 'any' | 'one';
  /**
   * Measure each face's enrolment quality (size, sharpness, pose, score), judged against
   * these thresholds, or the defaults when `true`. Default false.
   */
  readonly quality?: boolean | QualityThresholds;
}

/** A face's quality measurements and every threshold it misses (empty: acceptable). */
export interface FaceQuality {
  readonly assessment: FaceAssessment;
  readonly issues: QualityIssue[];
}

/** One face as the analyzer sees it: the detection, plus what was asked for. */
export interface AnalyzedFace extends DetectedFace {
  readonly embedding?: Embedding;
  /** Aligned crops by `templateKey` (e.g. `arcface-112@112x112`), when `crops` was set. */
  readonly crops?: ReadonlyMap<string, RgbImage>;
  /** When `quality` was asked for; `faceCount` counts every face the detector kept. */
  readonly quality?: FaceQuality;
}

/**
 * Wall-clock milliseconds per stage for one call, summed over its faces (decode is 0 when
 * pixels were passed). Divide by the face count for ms per face.
 */
export interface StageTimings {
  readonly decode: number;
  readonly detect: number;
  readonly align: number;
  readonly embed: number;
  readonly quality: number;
}

export interface FaceAnalysis {
  readonly width: number;
  readonly height: number;
  /** Best detection first. */
  readonly faces: AnalyzedFace[];
  readonly timings: StageTimings;
}

/** The verdict on two embeddings under the pack's open-set threshold. */
export interface Comparison {
  readonly similarity: number;
  /** similarity >= threshold. */
  readonly same: boolean;
  readonly threshold: number;
}
