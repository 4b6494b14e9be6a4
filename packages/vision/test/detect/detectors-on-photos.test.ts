import type { DetectedFace, FaceDetector } from '../../src/detect/face-detector';
import type { RgbImage } from '../../src/image/rgb-image';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import { dataPath, describeIfData } from '../support/data';
import { DETECTOR_CASES, openCase } from './support/detectors';
import { countMatches } from './support/matching';
import { loadRgb, readDlibXml, type DlibFace } from './support/photos';
import { implausibleLandmarks } from './support/plausible';
import { describeIfFiles } from './support/skip';

const DLIB = 'group-photos/dlib-examples-faces';
const SAMPLES = 'group-photos/vladmandic-face-api-npm';
/** People in sample1..6.jpg, counted by eye (the data folder's PROVENANCE.txt). */
const PEOPLE = [3, 3, 3, 4, 5, 4];

interface Photos {
  samples: RgbImage[];
  dlib: { image: RgbImage; faces: DlibFace[] }[];
  tom: RgbImage;
  dogs: RgbImage;
}

let photos: Photos;

interface Found {
  samples: DetectedFace[][];
  dlib: DetectedFace[][];
  tom: DetectedFace[];
  dogs: DetectedFace[];
}

async function detectAll(detector: FaceDetector, from: Photos): Promise<Found> {
  const each = async (images: RgbImage[]) => {
    const out: DetectedFace[][] = [];
    for (const image of images) out.push(await detector.detect(image));
    return out;
  };
  return {
    samples: await each(from.samples),
    dlib: await each(from.dlib.map((d) => d.image)),
    tom: await detector.detect(from.tom),
    dogs: await detector.detect(from.dogs),
  };
}

async function loadPhotos(): Promise<Photos> {
  const truth = new Map([
    ...readDlibXml(dataPath(`${DLIB}/training.xml`)),
    ...readDlibXml(dataPath(`${DLIB}/testing.xml`)),
  ]);
  return {
    samples: await Promise.all(
      PEOPLE.map((_, i) => loadRgb(dataPath(`${SAMPLES}/sample${i + 1}.jpg`))),
    ),
    dlib: await Promise.all(
      [...truth].map(async ([file, faces]) => ({
        image: await loadRgb(dataPath(`${DLIB}/${file}`)),
        faces,
      })),
    ),
    tom: await loadRgb(dataPath(`${DLIB}/Tom_Cruise_avp_2014_4.jpg`)),
    dogs: await loadRgb(dataPath(`${DLIB}/dogs.jpg`)),
  };
}

describeIfData('face detectors on real photos', SAMPLES, () => {
  beforeAll(async () => {
    photos = await loadPhotos();
  });
  afterAll(() => closeAllSessions());

  for (const c of DETECTOR_CASES.filter((x) => !x.measureOnly)) {
    describeIfFiles(c.name, c.files.values(), c.remedy, () => {
      // Each photo is detected once per detector (the tests below read the answers): the
      // pixel loops run several times slower inside jest's sandbox than in plain Node.
      let detector: FaceDetector;
      let found: Found;
      beforeAll(async () => {
        detector = await openCase(c);
        found = await detectAll(detector, photos);
      });

      it('finds one face per person on each of the six sample photos', () => {
        expect(found.samples.map((faces) => faces.length)).toEqual(PEOPLE);
      });

      it('places five landmarks where a face has them, best face first', () => {
        for (const faces of [...found.samples, ...found.dlib]) {
          const scores = faces.map((f) => f.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
          for (const face of faces) expect(implausibleLandmarks(face)).toEqual([]);
        }
      });

      it("matches at least 90% of dlib's annotated boxes at IoU 0.5, with 90% precision", () => {
        let matched = 0;
        let annotated = 0;
        let detected = 0;
        photos.dlib.forEach(({ faces: truth }, i) => {
          const faces = found.dlib[i] ?? [];
          matched += countMatches(
            truth.map((t) => t.box),
            faces.map((f) => f.box),
            0.5,
          );
          annotated += truth.length;
          detected += faces.length;
        });
        expect(matched / annotated).toBeGreaterThanOrEqual(0.9);
        expect(matched / detected).toBeGreaterThanOrEqual(0.9);
      });

      it('finds exactly one face in the portrait and none among the dogs', () => {
        const [face, ...others] = found.tom;
        expect(others).toHaveLength(0);
        expect(face?.box.width).toBeGreaterThan(photos.tom.width / 3);
        expect(found.dogs).toEqual([]);
      });

      it('keeps boxes inside the image and honours maxFaces', async () => {
        const image = photos.dlib[0]?.image as RgbImage;
        const faces = await detector.detect(image, { maxFaces: 2 });
        expect(faces).toHaveLength(2);
        for (const { box } of faces) {
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(image.width);
          expect(box.y + box.height).toBeLessThanOrEqual(image.height);
        }
      });
    });
  }
});
