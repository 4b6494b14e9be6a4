import type { Point } from '../../src/geometry/types';
import { applyAffine } from '../../src/align/affine';
import { alignFace } from '../../src/align/align-face';
import { templateFor, type AlignmentTemplate } from '../../src/align/templates';
import { createDetector } from '../../src/detect/create-detector';
import type { FaceDetector } from '../../src/detect/face-detector';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import { describeIfData } from '../support/data';
import { lfwImage, loadRgb, packIfPresent } from '../recognize/fixtures';

const FACES = [
  lfwImage('Aaron_Peirsol', 1),
  lfwImage('George_W_Bush', 3),
  lfwImage('Serena_Williams', 2),
];

/**
 * The ArcFace template at twice its size, centred in a 448x448 canvas: large enough, with
 * context around the face, for the detector to find the warped face again.
 */
function roomyTemplate(): AlignmentTemplate {
  const base = templateFor('arcface-112', 224, 224);
  const [p0, p1, p2, p3, p4] = base.points.map((p) => ({ x: p.x + 112, y: p.y + 112 }));
  return { ...base, width: 448, height: 448, points: [p0, p1, p2, p3, p4] as never };
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describeIfData('aligning real faces', 'lfw-deepfunneled/images', () => {
  let detector: FaceDetector | undefined;

  beforeAll(async () => {
    const pack = await packIfPresent('rollcall-default');
    if (pack !== undefined) detector = await createDetector(pack.manifest.detector, pack.files);
  }, 60_000);

  afterAll(closeAllSessions);

  it('puts the landmarks of the warped photo where the transform maps them', async () => {
    if (detector === undefined) return console.warn('the rollcall-default pack is not installed');
    const template = roomyTemplate();

    for (const file of FACES) {
      const photo = await loadRgb(file);
      const [face] = await detector.detect(photo, { maxFaces: 1 });
      const aligned = alignFace(photo, face?.landmarks as never, template);
      const [again] = await detector.detect(aligned.crop, { maxFaces: 1 });

      const mapped = (face?.landmarks ?? []).map((p) => applyAffine(aligned.matrix, p));
      const found = again?.landmarks ?? [];
      // Errors in 112-pixel crop units (the canvas is at twice that scale).
      const moved = mapped.map((p, i) => distance(p, found[i] as Point) / 2);
      const offTemplate = mapped.map((p, i) => distance(p, template.points[i] as Point) / 2);

      // Re-detection wobbles by a fraction of a pixel; the mean must stay under one.
      expect(moved.reduce((s, d) => s + d, 0) / moved.length).toBeLessThan(1);
      // What is left to the template is the face's own shape (mouth corners differ most).
      expect(Math.max(...offTemplate)).toBeLessThan(10);
    }
  }, 60_000);
});
