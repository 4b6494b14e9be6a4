import { alignFace } from '../align/align-face';
import type { AlignmentTemplate } from '../align/templates';
import type { FivePoints } from '../geometry/types';
import type { RgbImage } from '../image/rgb-image';
import { templateKey, type CropsByTemplate } from '../recognize/fused-recognizer';

/** Warps every face onto every template, once per distinct template. */
export function alignFaces(
  image: RgbImage,
  landmarks: readonly FivePoints[],
  templates: readonly AlignmentTemplate[],
): CropsByTemplate {
  return new Map(
    templates.map((t) => [templateKey(t), landmarks.map((l) => alignFace(image, l, t).crop)]),
  );
}

/** The crops of face `index` across templates, keyed like the input. */
export function cropsOfFace(crops: CropsByTemplate, index: number): ReadonlyMap<string, RgbImage> {
  return new Map([...crops].map(([key, list]) => [key, list[index] as RgbImage]));
}
