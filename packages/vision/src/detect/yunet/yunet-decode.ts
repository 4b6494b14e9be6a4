import type { FivePoints, Point } from '../../geometry/types';
import type { DetectedFace } from '../face-detector';
import { unexpected, type OutputMatrix } from '../output-matrix';

/** The outputs of one YuNet stride, read as matrices. */
export interface YunetLevelOutputs {
  readonly stride: number;
  readonly cls: OutputMatrix;
  readonly obj: OutputMatrix;
  readonly bbox: OutputMatrix;
  readonly kps: OutputMatrix;
}

/**
 * Decodes one stride of YuNet into candidates in canvas pixels, as OpenCV's
 * FaceDetectorYN does: one anchor-free point per cell; score = sqrt(cls * obj) with both
 * clamped to [0, 1]; the box centre is (col + b0, row + b1) strides, its size
 * exp(b2), exp(b3) strides; keypoints are (col + kx, row + ky) strides.
 */
export function decodeYunetLevel(
  level: YunetLevelOutputs,
  canvasWidth: number,
  canvasHeight: number,
  minScore: number,
): DetectedFace[] {
  const { stride, cls, obj, bbox, kps } = level;
  const cols = Math.ceil(canvasWidth / stride);
  const cells = cols * Math.ceil(canvasHeight / stride);
  if ([cls, obj, bbox, kps].some((m) => m.rows !== cells)) {
    throw unexpected(
      `YuNet stride ${stride} has ${cls.rows}/${obj.rows}/${bbox.rows}/${kps.rows} rows for ` +
        `${cells} cells of a ${canvasWidth}x${canvasHeight} input`,
    );
  }

  const faces: DetectedFace[] = [];
  for (let i = 0; i < cells; i++) {
    const score = Math.sqrt(unit(cls.data[i] as number) * unit(obj.data[i] as number));
    if (score < minScore) continue;

    const col = i % cols;
    const row = Math.floor(i / cols);
    const b = i * 4;
    const cx = (col + (bbox.data[b] as number)) * stride;
    const cy = (row + (bbox.data[b + 1] as number)) * stride;
    const w = Math.exp(bbox.data[b + 2] as number) * stride;
    const h = Math.exp(bbox.data[b + 3] as number) * stride;
    faces.push({
      box: { x: cx - w / 2, y: cy - h / 2, width: w, height: h },
      landmarks: fivePoints(kps.data, i * 10, col, row, stride),
      score,
    });
  }
  return faces;
}

function unit(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function fivePoints(
  data: Float32Array,
  at: number,
  col: number,
  row: number,
  stride: number,
): FivePoints {
  const point = (k: number): Point => ({
    x: (col + (data[at + 2 * k] as number)) * stride,
    y: (row + (data[at + 2 * k + 1] as number)) * stride,
  });
  return [point(0), point(1), point(2), point(3), point(4)];
}
