import type { Box, FivePoints, Point } from '../../geometry/types';
import type { RgbImage } from '../../image/rgb-image';
import { cropAndResize, toGray } from '../../image/resize';
import { float32Tensor, type OnnxSession } from '../../runtime/onnx-session';
import { readMatrix, unexpected } from '../output-matrix';

/** The 68-point landmark net of the default pack (iBUG 300-W point order). */
export interface Landmark68Model {
  readonly session: OnnxSession;
  readonly inputName: string;
  /** [width, height] of the grayscale input. */
  readonly inputSize: readonly [number, number];
}

/**
 * Predicts 68 points for the face inside `crop` (a square in image pixels). The crop is
 * resampled to the input, turned to luma and divided by 256 (the package's preprocessing);
 * the net answers each point as a fraction of the crop.
 */
export async function predict68(
  model: Landmark68Model,
  image: RgbImage,
  crop: Box,
): Promise<Point[]> {
  const [width, height] = model.inputSize;
  const patch = toGray(cropAndResize(image, crop, width, height, 0));
  for (let i = 0; i < patch.length; i++) patch[i] = (patch[i] as number) / 256;

  const outputs = await model.session.run({
    [model.inputName]: float32Tensor(patch, [1, 1, height, width]),
  });
  const name = model.session.outputNames[0] ?? 'output';
  const values = readMatrix(outputs, name, 136);
  if (values.rows !== 1) throw unexpected(`the landmark net gave ${values.rows} rows, not 1`);

  return Array.from({ length: 68 }, (_, k) => ({
    x: crop.x + (values.data[2 * k] as number) * crop.width,
    y: crop.y + (values.data[2 * k + 1] as number) * crop.height,
  }));
}

/**
 * The InsightFace five points from the 68: eye centres as the mean of each eye's six
 * contour points (36-41 and 42-47), the nose tip (30) and the mouth corners (48, 54).
 * In the 68-point scheme 36-41 is the eye on the image's left.
 */
export function fivePointsFrom68(points: readonly Point[]): FivePoints {
  const at = (i: number) => points[i] as Point;
  return [mean(points.slice(36, 42)), mean(points.slice(42, 48)), at(30), at(48), at(54)];
}

export function mean(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}
