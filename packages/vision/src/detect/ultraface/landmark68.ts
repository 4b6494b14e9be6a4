import type { Box, FivePoints, Point } from '../../geometry/types';
import type { RgbImage } from '../../image/rgb-image';
import { cropAndResize, flipHorizontal, toGray } from '../../image/resize';
import { float32Tensor, type OnnxSession } from '../../runtime/onnx-session';
import { readMatrix, unexpected } from '../output-matrix';
import { MIRROR_68 } from './mirror68';

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
  mirrored = false,
): Promise<Point[]> {
  const [width, height] = model.inputSize;
  const resized = cropAndResize(image, crop, width, height, 0);
  const patch = toGray(mirrored ? flipHorizontal(resized) : resized);
  for (let i = 0; i < patch.length; i++) patch[i] = (patch[i] as number) / 256;

  const outputs = await model.session.run({
    [model.inputName]: float32Tensor(patch, [1, 1, height, width]),
  });
  const name = model.session.outputNames[0] ?? 'output';
  const values = readMatrix(outputs, name, 136);
  if (values.rows !== 1) throw unexpected(`the landmark net gave ${values.rows} rows, not 1`);

  // On a mirrored crop, point k of the answer is point MIRROR_68[k] of the face, at 1 - x.
  const points = new Array<Point>(68);
  for (let k = 0; k < 68; k++) {
    const nx = values.data[2 * k] as number;
    points[mirrored ? (MIRROR_68[k] as number) : k] = {
      x: crop.x + (mirrored ? 1 - nx : nx) * crop.width,
      y: crop.y + (values.data[2 * k + 1] as number) * crop.height,
    };
  }
  return points;
}

/** Predicts on the crop and on its mirror image, and averages the two answers per point. */
export async function predict68Mirrored(
  model: Landmark68Model,
  image: RgbImage,
  crop: Box,
): Promise<Point[]> {
  const direct = await predict68(model, image, crop);
  const mirrored = await predict68(model, image, crop, true);
  return direct.map((p, k) => mean([p, mirrored[k] as Point]));
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
