import type { FivePoints, Point } from '../../geometry/types';
import type { DetectedFace } from '../face-detector';
import { unexpected, type OutputMatrix } from '../output-matrix';

/** The outputs of one stride, read as matrices. */
export interface ScrfdLevelOutputs {
  readonly stride: number;
  readonly scores: OutputMatrix;
  readonly boxes: OutputMatrix;
  readonly kps: OutputMatrix;
}

/**
 * Decodes one stride of SCRFD into candidates in canvas pixels. Each cell of the
 * (H / stride) x (W / stride) grid has `anchors` anchor points at its top-left corner
 * (col * stride, row * stride); boxes are left/top/right/bottom distances and keypoints
 * are offsets from that point, both in units of the stride (InsightFace distance2bbox and
 * distance2kps).
 */
export function decodeScrfdLevel(
  level: ScrfdLevelOutputs,
  canvasWidth: number,
  canvasHeight: number,
  minScore: number,
): DetectedFace[] {
  const { stride, scores, boxes, kps } = level;
  const cols = Math.ceil(canvasWidth / stride);
  const cells = cols * Math.ceil(canvasHeight / stride);
  const anchors = scores.rows / cells;
  if (!Number.isInteger(anchors) || boxes.rows !== scores.rows || kps.rows !== scores.rows) {
    throw unexpected(
      `SCRFD stride ${stride} has ${scores.rows}/${boxes.rows}/${kps.rows} rows for ` +
        `${cells} cells of a ${canvasWidth}x${canvasHeight} input`,
    );
  }

  const faces: DetectedFace[] = [];
  for (let i = 0; i < scores.rows; i++) {
    const score = scores.data[i] as number;
    if (score < minScore) continue;

    const cell = Math.floor(i / anchors);
    const ax = (cell % cols) * stride;
    const ay = Math.floor(cell / cols) * stride;
    const b = i * 4;
    const x1 = ax - (boxes.data[b] as number) * stride;
    const y1 = ay - (boxes.data[b + 1] as number) * stride;
    const x2 = ax + (boxes.data[b + 2] as number) * stride;
    const y2 = ay + (boxes.data[b + 3] as number) * stride;
    faces.push({
      box: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 },
      landmarks: fivePoints(kps.data, i * 10, ax, ay, stride),
      score,
    });
  }
  return faces;
}

function fivePoints(
  data: Float32Array,
  at: number,
  ax: number,
  ay: number,
  stride: number,
): FivePoints {
  const point = (k: number): Point => ({
    x: ax + (data[at + 2 * k] as number) * stride,
    y: ay + (data[at + 2 * k + 1] as number) * stride,
  });
  return [point(0), point(1), point(2), point(3), point(4)];
}
