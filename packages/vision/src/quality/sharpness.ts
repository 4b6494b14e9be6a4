import type { FivePoints, Point } from '../geometry/types';
import { cropAndResize, toGray } from '../image/resize';
import type { ResampleRegion } from '../image/resize';
import type { RgbImage } from '../image/rgb-image';

/**
 * Side in pixels of the patch that sharpness is measured on. The inner face is resampled
 * to this size first, so the figure describes the face, not the photo's resolution: 64 is
 * a little below the inner face of the 112 x 112 recognition crop (~75 px), so no face
 * that passes the size check is enlarged much.
 */
export const SHARPNESS_PATCH = 64;

/**
 * Variance of the Laplacian (Pech-Pacheco et al., ICPR 2000) of the inner face, on a
 * `SHARPNESS_PATCH`-pixel square: a blurred face has little energy in its second
 * derivative. Larger is sharper; a flat patch scores 0. Contrast counts (the figure grows
 * with its square), so a very dark, flat face scores low too.
 */
export function faceSharpness(image: RgbImage, landmarks: FivePoints): number {
  const gray = toGray(innerFacePatch(image, landmarks));
  return laplacianVariance(gray, SHARPNESS_PATCH, SHARPNESS_PATCH);
}

/**
 * The square around the eyes, nose and mouth (twice the larger of eye distance and
 * eye-to-mouth distance, centred on the five points), which leaves out hair and
 * background whose sharpness says nothing about the face's. Reduced by averaging blocks
 * first when it is much larger than the patch, so sampling does not alias fine texture
 * into false detail.
 */
export function innerFacePatch(image: RgbImage, landmarks: FivePoints): RgbImage {
  const region = insideImage(innerFaceRegion(landmarks), image);
  const factor = Math.max(1, Math.floor(region.width / SHARPNESS_PATCH));
  const fine = cropAndResize(image, region, SHARPNESS_PATCH * factor, SHARPNESS_PATCH * factor);
  return factor === 1 ? fine : averageBlocks(fine, factor);
}

export function innerFaceRegion(landmarks: FivePoints): ResampleRegion {
  const [leftEye, rightEye, , leftMouth, rightMouth] = landmarks;
  const eyes = mid(leftEye, rightEye);
  const mouth = mid(leftMouth, rightMouth);
  const scale = Math.max(distance(leftEye, rightEye), distance(eyes, mouth), 1);
  const centre = {
    x: landmarks.reduce((sum, p) => sum + p.x, 0) / 5,
    y: landmarks.reduce((sum, p) => sum + p.y, 0) / 5,
  };
  const side = 2 * scale;
  return { x: centre.x - side / 2, y: centre.y - side / 2, width: side, height: side };
}

/**
 * The part of `region` inside the image (at least 2 x 2 px): padding a face at the edge
 * with a fill colour would add a hard edge, which reads as detail.
 */
function insideImage(region: ResampleRegion, image: RgbImage): ResampleRegion {
  const x = Math.min(Math.max(region.x, 0), image.width - 2);
  const y = Math.min(Math.max(region.y, 0), image.height - 2);
  const right = Math.max(Math.min(region.x + region.width, image.width), x + 2);
  const bottom = Math.max(Math.min(region.y + region.height, image.height), y + 2);
  return { x, y, width: right - x, height: bottom - y };
}

/** Variance of the 4-neighbour Laplacian over the interior pixels. */
export function laplacianVariance(gray: Float32Array, width: number, height: number): number {
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const at = y * width + x;
      const value =
        (gray[at - 1] as number) +
        (gray[at + 1] as number) +
        (gray[at - width] as number) +
        (gray[at + width] as number) -
        4 * (gray[at] as number);
      sum += value;
      squares += value * value;
      count++;
    }
  }
  const mean = sum / count;
  return squares / count - mean * mean;
}

function averageBlocks(image: RgbImage, factor: number): RgbImage {
  const width = image.width / factor;
  const height = image.height / factor;
  const out = new Uint8Array(width * height * 3);
  const area = factor * factor;

  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let total = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * image.width;
          for (let dx = 0; dx < factor; dx++) {
            total += image.data[(row + x * factor + dx) * 3 + c] as number;
          }
        }
        out[(y * width + x) * 3 + c] = Math.round(total / area);
      }
    }
  }
  return { width, height, data: out };
}

function mid(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
