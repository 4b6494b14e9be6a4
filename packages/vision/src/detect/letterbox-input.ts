import type { RgbImage } from '../image/rgb-image';
import { cropAndResize } from '../image/resize';
import type { NormalisationSpec } from '../packs/manifest';
import { writeChw } from '../runtime/image-tensor';
import { canvasRegion, fitTopLeft, type Letterbox } from '../geometry/letterbox';

/** A normalised CHW input tensor and how the image was placed on it. */
export interface LetterboxedInput {
  readonly data: Float32Array;
  readonly letterbox: Letterbox;
}

/**
 * The canvas size for an image: the full `inputSize` for a fixed-size model; for a dynamic
 * one, only as much of it as the scaled image covers, rounded up to `multiple` (the
 * coarsest stride). Padding only costs time: the two give the same faces to within the
 * border effects of the convolutions.
 */
export function canvasSize(
  image: RgbImage,
  inputSize: readonly [number, number],
  dynamic: boolean,
  maxScale = Number.POSITIVE_INFINITY,
  multiple = 32,
): [number, number] {
  if (!dynamic) return [inputSize[0], inputSize[1]];

  const { scale } = placeOnCanvas(image, inputSize[0], inputSize[1], maxScale);
  const roundUp = (v: number, limit: number) =>
    Math.min(limit, Math.max(multiple, Math.ceil(v / multiple) * multiple));
  return [roundUp(image.width * scale, inputSize[0]), roundUp(image.height * scale, inputSize[1])];
}

/**
 * Scales the image into a `width` x `height` canvas, aspect kept, top-left aligned, the rest
 * black (pixel value 0, as InsightFace and OpenCV pad), then normalises it into CHW floats.
 * The image is enlarged by at most `maxScale` (see the detector spec's `maxScale`).
 */
export function letterboxInput(
  image: RgbImage,
  width: number,
  height: number,
  norm: NormalisationSpec,
  maxScale = Number.POSITIVE_INFINITY,
): LetterboxedInput {
  const letterbox = placeOnCanvas(image, width, height, maxScale);
  const canvas = cropAndResize(image, canvasRegion(letterbox), width, height, 0);
  const data = new Float32Array(3 * width * height);
  writeChw(canvas, norm, data);
  return { data, letterbox };
}

/** The top-left fit, with the enlargement capped at `maxScale`. */
function placeOnCanvas(image: RgbImage, width: number, height: number, maxScale: number) {
  const fit = fitTopLeft(image.width, image.height, width, height);
  return fit.scale <= maxScale ? fit : { ...fit, scale: maxScale };
}
