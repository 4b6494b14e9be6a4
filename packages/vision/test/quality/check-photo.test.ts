import { readFileSync } from 'node:fs';

import type { DetectedFace } from '../../src/detect/face-detector';
import type { FivePoints } from '../../src/geometry/types';
import { decodeImage } from '../../src/image/decode-image';
import type { RgbImage } from '../../src/image/rgb-image';
import { checkPhoto } from '../../src/quality/check-photo';
import { dataPath, describeIfData } from '../support/data';
import { DLIB_FOLDER, dlibLabelledPhotos } from './dlib-five';

/** The same face drawn `k` times smaller with its top-left corner at (x, y): a bystander. */
function smallerAt(face: DetectedFace, k: number, x: number, y: number): DetectedFace {
  const move = (px: number, py: number) => ({
    x: x + (px - face.box.x) * k,
    y: y + (py - face.box.y) * k,
  });
  return {
    score: face.score,
    box: { x, y, width: face.box.width * k, height: face.box.height * k },
    landmarks: face.landmarks.map((p) => move(p.x, p.y)) as unknown as FivePoints,
  };
}

describeIfData('checkPhoto on dlib-labelled photos', DLIB_FOLDER, () => {
  const photo = dlibLabelledPhotos().find((p) => p.file.endsWith('2008_001322.jpg'));
  let image: RgbImage;
  beforeAll(async () => {
    image = await decodeImage(readFileSync(dataPath(`${DLIB_FOLDER}/2008_001322.jpg`)));
  });

  it('counts three people of about the same size as three faces', () => {
    expect(photo?.faces.length).toBe(3);
    const { issues } = checkPhoto(image, photo?.faces ?? []);
    expect(issues[0]).toMatchObject({ code: 'FACE_MULTIPLE', value: 3 });
  });

  it('judges the largest face, whatever order the detector gives', () => {
    const faces = [...(photo?.faces ?? [])];
    const largest = checkPhoto(image, faces).face;
    expect(checkPhoto(image, faces.reverse()).face).toBe(largest);
    expect(largest?.box.x).toBe(344);
  });

  it('ignores a face under half the size of the judged one, counts one above', () => {
    const main = checkPhoto(image, photo?.faces ?? []).face as DetectedFace;
    const far = smallerAt(main, 0.4, 10, 10);
    const near = smallerAt(main, 0.7, 10, 10);
    expect(checkPhoto(image, [main, far]).assessment?.faceCount).toBe(1);
    expect(checkPhoto(image, [main, near]).assessment?.faceCount).toBe(2);
    expect(checkPhoto(image, [main, near], { otherFaceRatio: 0.8 }).assessment?.faceCount).toBe(1);
  });
});
