import { readFileSync } from 'node:fs';

import type { FaceDetector } from '../../src/detect/face-detector';
import { decodeImage } from '../../src/image/decode-image';
import { assessFace } from '../../src/quality/assess-face';
import { checkPhoto } from '../../src/quality/check-photo';
import { checkQuality } from '../../src/quality/check-quality';
import { caseAvailable, DETECTOR_CASES, openCase } from '../detect/support/detectors';
import { dataPath, describeIfData, hasData } from '../support/data';
import { DLIB_FOLDER, dlibLabelledPhotos } from './dlib-five';

describeIfData('pose on dlib ground truth', DLIB_FOLDER, () => {
  const photos = dlibLabelledPhotos();
  const facesOf = (name: string) => photos.find((p) => p.file.endsWith(name))?.faces ?? [];

  it('refuses the near-profile face of 2007_007763 on yaw', async () => {
    const image = await decodeImage(readFileSync(dataPath(`${DLIB_FOLDER}/2007_007763.jpg`)));
    const profile = facesOf('2007_007763.jpg').find((f) => f.box.x === 381);
    expect(profile).toBeDefined();
    const issues = checkQuality(assessFace(image, profile!, 1));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'FACE_TURNED', measure: 'yaw' }));
  });

  it('does not refuse the frontal faces of 2008_002470 and 2008_002079 on pose', async () => {
    for (const [name, left] of [
      ['2008_002470.jpg', 146],
      ['2008_002079.jpg', 346],
    ] as const) {
      const image = await decodeImage(readFileSync(dataPath(`${DLIB_FOLDER}/${name}`)));
      const frontal = facesOf(name).find((f) => f.box.x === left);
      expect(frontal).toBeDefined();
      const issues = checkQuality(assessFace(image, frontal!, 1));
      expect(issues.filter((i) => i.code === 'FACE_TURNED')).toEqual([]);
    }
  });
});

const defaultPack = DETECTOR_CASES.find((c) => c.name.startsWith('default pack'));
const ready = defaultPack !== undefined && caseAvailable(defaultPack) && hasData('group-photos');
if (!ready) {
  console.warn('skipped group-photo quality: needs group-photos data and the default pack');
}

(ready ? describe : describe.skip)('checkPhoto on group and empty photos', () => {
  let detector: FaceDetector;
  beforeAll(async () => {
    detector = await openCase(defaultPack as (typeof DETECTOR_CASES)[number]);
  });
  afterAll(async () => {
    await detector?.close();
  });

  async function judge(relPath: string) {
    const image = await decodeImage(readFileSync(dataPath(relPath)));
    return checkPhoto(image, await detector.detect(image));
  }

  it.each([
    ['group-photos/vladmandic-face-api-npm/sample1.jpg', 3],
    ['group-photos/face_recognition/kit_with_rose.jpg', 2],
  ])('refuses %s, with %i people side by side', async (photo, people) => {
    const { issues } = await judge(photo);
    expect(issues[0]).toMatchObject({ code: 'FACE_MULTIPLE', value: people });
    expect(issues[0]?.message).toMatch(new RegExp(`^${people} faces are in the photo`));
  });

  it('refuses a photo of dogs: no face', async () => {
    const { face, issues } = await judge(`${DLIB_FOLDER}/dogs.jpg`);
    expect(face).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(['FACE_NOT_FOUND']);
  });

  it('accepts a sharp close-up of one person', async () => {
    const { assessment, issues } = await judge(`${DLIB_FOLDER}/Tom_Cruise_avp_2014_4.jpg`);
    expect(issues).toEqual([]);
    expect(assessment?.eyeDistance).toBeGreaterThan(100);
  });
});
