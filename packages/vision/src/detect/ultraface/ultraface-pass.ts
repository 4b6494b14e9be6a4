import type { Box } from '../../geometry/types';
import type { Scored } from '../../geometry/nms';
import type { RgbImage } from '../../image/rgb-image';
import { cropAndResize } from '../../image/resize';
import type { NormalisationSpec } from '../../packs/manifest';
import { writeChw } from '../../runtime/image-tensor';
import { float32Tensor, type OnnxSession } from '../../runtime/onnx-session';
import { readMatrix, unexpected } from '../output-matrix';

/** A face box before landmarks, in source image pixels. */
export interface BoxCandidate extends Scored {
  readonly box: Box;
  readonly score: number;
}

export interface UltrafacePassInput {
  readonly session: OnnxSession;
  readonly inputName: string;
  /** [width, height] of the model input. */
  readonly inputSize: readonly [number, number];
  readonly normalisation: NormalisationSpec;
  readonly minScore: number;
}

/**
 * One Ultra-Light RFB-320 pass over `region` of the image. The region is stretched onto the
 * input (the model was trained on plain resizes, and its reference code runs it that way).
 * Its outputs are already decoded: `scores` [N, 2] are softmaxed (column 1 is "face") and
 * `boxes` [N, 4] are x1, y1, x2, y2 as fractions of the input, so a box maps back to the
 * region by a scale per axis.
 */
export async function runUltrafacePass(
  pass: UltrafacePassInput,
  image: RgbImage,
  region: Box,
): Promise<BoxCandidate[]> {
  const [width, height] = pass.inputSize;
  const resized = cropAndResize(image, region, width, height, 0);
  const data = new Float32Array(3 * width * height);
  writeChw(resized, pass.normalisation, data);

  const outputs = await pass.session.run({
    [pass.inputName]: float32Tensor(data, [1, 3, height, width]),
  });
  const scores = readMatrix(outputs, 'scores', 2);
  const boxes = readMatrix(outputs, 'boxes', 4);
  if (scores.rows !== boxes.rows) {
    throw unexpected(`RFB-320 gives ${scores.rows} scores for ${boxes.rows} boxes`);
  }

  const found: BoxCandidate[] = [];
  for (let i = 0; i < scores.rows; i++) {
    const score = scores.data[i * 2 + 1] as number;
    if (score < pass.minScore) continue;

    const x1 = region.x + (boxes.data[i * 4] as number) * region.width;
    const y1 = region.y + (boxes.data[i * 4 + 1] as number) * region.height;
    const x2 = region.x + (boxes.data[i * 4 + 2] as number) * region.width;
    const y2 = region.y + (boxes.data[i * 4 + 3] as number) * region.height;
    if (x2 > x1 && y2 > y1)
      found.push({ box: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 }, score });
  }
  return found;
}
