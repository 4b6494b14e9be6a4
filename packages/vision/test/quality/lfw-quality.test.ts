import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

import type { DetectedFace, FaceDetector } from '../../src/detect/face-detector';
import { decodeImage } from '../../src/image/decode-image';
import type { RgbImage } from '../../src/image/rgb-image';
import { assessFace } from '../../src/quality/assess-face';
import { checkPhoto } from '../../src/quality/check-photo';
import { checkQuality } from '../../src/quality/check-quality';
import { caseAvailable, DETECTOR_CASES, openCase } from '../detect/support/detectors';
import { dataPath, hasData } from '../support/data';

const LFW = 'lfw-deepfunneled/images';
const defaultPack = DETECTOR_CASES.find((c) => c.name.startsWith('default pack'));
const ready = defaultPack !== undefined && caseAvailable(defaultPack) && hasData(LFW);
if (!ready) {
  console.warn(
    `skipped LFW quality: needs ${dataPath(LFW)} and the default pack installed at ` +
      `${defaultPack?.folder ?? 'models/installed/rollcall-default'}`,
  );
}

/** Every 500th LFW photo in name order: 24, spread over the alphabet. */
function samplePhotos(): string[] {
  const root = dataPath(LFW);
  return readdirSync(root)
    .sort()
    .flatMap((p) =>
      readdirSync(path.join(root, p))
        .sort()
        .map((f) => path.join(root, p, f)),
    )
    .filter((_, i) => i % 500 === 0);
}

function lfwPhoto(name: string): string {
  return path.join(dataPath(LFW), name.replace(/_\d{4}\.jpg$/, ''), name);
}

(ready ? describe : describe.skip)('quality of LFW photos with the default pack', () => {
  let detector: FaceDetector;
  const photos: { file: string; jpeg: Buffer; image: RgbImage; faces: DetectedFace[] }[] = [];

  beforeAll(async () => {
    detector = await openCase(defaultPack as (typeof DETECTOR_CASES)[number]);
    for (const file of samplePhotos()) {
      const jpeg = await sharp(file).toBuffer();
      const image = await decodeImage(jpeg);
      photos.push({ file, jpeg, image, faces: await detector.detect(image) });
    }
  });
  afterAll(async () => {
    await detector?.close();
  });

  it('accepts every sampled photo on size, sharpness and confidence', () => {
    expect(photos.length).toBeGreaterThan(20);
    for (const photo of photos) {
      const { issues } = checkPhoto(photo.image, photo.faces);
      const codes = issues.map((issue) => issue.code);
      expect({ file: photo.file, codes }).toEqual({
        file: photo.file,
        codes: codes.filter((c) => c === 'FACE_MULTIPLE' || c === 'FACE_TURNED'),
      });
    }
  });

  it('accepts most sampled photos outright (others show a second person or a turned head)', () => {
    const accepted = photos.filter((p) => checkPhoto(p.image, p.faces).issues.length === 0);
    expect(accepted.length / photos.length).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses a heavily blurred copy of every photo on blur', async () => {
    for (const [index, photo] of photos.entries()) {
      const blurred = await decodeImage(await sharp(photo.jpeg).blur(6).jpeg().toBuffer());
      const face = checkPhoto(photo.image, photo.faces).face as DetectedFace;
      const atSamePlace = checkQuality(assessFace(blurred, face, 1)).map((i) => i.code);
      expect({ file: photo.file, atSamePlace }).toEqual({
        file: photo.file,
        atSamePlace: expect.arrayContaining(['FACE_BLURRED']) as string[],
      });

      if (index % 2 === 1) continue; // detecting on every other copy is evidence enough
      const detected = checkPhoto(blurred, await detector.detect(blurred)).issues;
      expect(detected.some((i) => i.code === 'FACE_BLURRED' || i.code === 'FACE_NOT_FOUND')).toBe(
        true,
      );
    }
  });

  it('refuses a copy shrunk until the face is about 30 px wide on size', async () => {
    for (const photo of photos.slice(0, 10)) {
      const face = checkPhoto(photo.image, photo.faces).face as DetectedFace;
      const scale = 30 / face.box.width;
      const side = Math.round(250 * scale);
      const small = await decodeImage(await sharp(photo.jpeg).resize(side, side).png().toBuffer());
      const moved = scaleFace(face, side / 250);
      expect(checkQuality(assessFace(small, moved, 1)).map((i) => i.code)).toContain(
        'FACE_TOO_SMALL',
      );

      const detected = checkPhoto(small, await detector.detect(small)).issues.map((i) => i.code);
      expect(detected.includes('FACE_TOO_SMALL') || detected.includes('FACE_NOT_FOUND')).toBe(true);
    }
  });

  it.each(['Jake_Gyllenhaal_0002.jpg', 'Aron_Ralston_0002.jpg'])(
    'refuses %s, a head turned well to the side, on pose',
    async (name) => {
      const image = await decodeImage(await sharp(lfwPhoto(name)).toBuffer());
      const { issues } = checkPhoto(image, await detector.detect(image));
      expect(issues).toContainEqual(
        expect.objectContaining({ code: 'FACE_TURNED', measure: 'yaw' }),
      );
    },
  );
});

function scaleFace(face: DetectedFace, factor: number): DetectedFace {
  // Pixel centres: a point at x maps to (x + 0.5) * factor - 0.5.
  const at = (v: number) => (v + 0.5) * factor - 0.5;
  return {
    score: face.score,
    box: {
      x: at(face.box.x),
      y: at(face.box.y),
      width: face.box.width * factor,
      height: face.box.height * factor,
    },
    landmarks: face.landmarks.map((p) => ({
      x: at(p.x),
      y: at(p.y),
    })) as unknown as DetectedFace['landmarks'],
  };
}
