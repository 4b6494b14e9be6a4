import type { FivePoints, Point } from '../geometry/types';
import type { RecognizerSpec } from '../packs/manifest';
import { dlibChipPoints } from './dlib-mean-face';

/** The name a recogniser's manifest gives its alignment template. */
export type TemplateName = RecognizerSpec['template'];

/**
 * Where the five landmarks (left eye, right eye, nose tip, left and right mouth corner,
 * as seen in the image) must land in a crop of `width` x `height` pixels.
 */
export interface AlignmentTemplate {
  readonly name: TemplateName;
  readonly width: number;
  readonly height: number;
  readonly points: FivePoints;
}

/**
 * InsightFace's `arcface_dst` for 112x112 crops (insightface/utils/face_align.py), the
 * template every ArcFace-family recogniser was trained on.
 */
const ARCFACE_112: AlignmentTemplate = {
  name: 'arcface-112',
  width: 112,
  height: 112,
  points: [
    { x: 38.2946, y: 51.6963 },
    { x: 73.5318, y: 51.5014 },
    { x: 56.0252, y: 71.7366 },
    { x: 41.5493, y: 92.3655 },
    { x: 70.7299, y: 92.2041 },
  ],
};

/**
 * dlib's face chip for its ResNet recogniser: `get_face_chip_details(shape, 150, 0.25)`,
 * derived from dlib's 68-point mean face (see dlib-mean-face.ts).
 */
const DLIB_150: AlignmentTemplate = {
  name: 'dlib-150',
  width: 150,
  height: 150,
  points: dlibChipPoints(150, 0.25),
};

export const ALIGNMENT_TEMPLATES: Readonly<Record<TemplateName, AlignmentTemplate>> = {
  'arcface-112': ARCFACE_112,
  'dlib-150': DLIB_150,
};

/**
 * The named template stretched to a crop of `width` x `height` (a model may take, say,
 * 128x128 ArcFace crops). Scaling is about the pixel-centre origin, like the templates.
 */
export function templateFor(name: TemplateName, width: number, height: number): AlignmentTemplate {
  const base = ALIGNMENT_TEMPLATES[name];
  if (width === base.width && height === base.height) return base;

  const sx = width / base.width;
  const sy = height / base.height;
  const scale = (p: Point): Point => ({ x: p.x * sx, y: p.y * sy });
  const [p0, p1, p2, p3, p4] = base.points;
  return {
    name,
    width,
    height,
    points: [scale(p0), scale(p1), scale(p2), scale(p3), scale(p4)],
  };
}
