import { isRollcallError, type ErrorCode } from '@rollcall/errors';
import { createDetector } from '../../src/detect/create-detector';
import { iou } from '../../src/geometry/iou';
import { cropAndResize } from '../../src/image/resize';
import { closeAllSessions } from '../../src/runtime/onnx-session';
import { dataPath, describeIfData } from '../support/data';
import { DETECTOR_CASES, type DetectorCase } from './support/detectors';
import { loadRgb } from './support/photos';
import { describeIfFiles } from './support/skip';

const yunet = DETECTOR_CASES.find((c) => c.name === 'YuNet 2023mar 640') as DetectorCase;
const scrfd = DETECTOR_CASES.find((c) => c.name === 'SCRFD 500m named/dynamic') as DetectorCase;
const PORTRAIT = 'group-photos/dlib-examples-faces/Tom_Cruise_avp_2014_4.jpg';

async function expectCode(work: Promise<unknown>, code: ErrorCode): Promise<void> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRollcallError(err, code)).toBe(true);
}

afterAll(() => closeAllSessions());

describe('createDetector refusals', () => {
  it('names a detector file the loaded pack lacks', async () => {
    await expectCode(createDetector(yunet.spec, new Map()), 'PACK_FILE_MISSING');
  });

  describeIfFiles('with the YuNet model', yunet.files.values(), yunet.remedy, () => {
    it('refuses a manifest size a fixed-size model cannot take, naming the right one', async () => {
      const spec = { ...yunet.spec, inputSize: [320, 320] as [number, number] };
      const err = await createDetector(spec, yunet.files).catch((e: unknown) => e);
      expect(isRollcallError(err, 'PACK_MANIFEST_INVALID')).toBe(true);
      expect((err as Error).message).toContain('[640, 640]');
    });

    it('refuses a model of another kind than the manifest says', async () => {
      const spec = { ...scrfd.spec, file: yunet.spec.file };
      await expectCode(createDetector(spec, yunet.files), 'MODEL_OUTPUT_UNEXPECTED');
    });

    it('refuses images whose buffer does not match their size', async () => {
      const detector = await createDetector(yunet.spec, yunet.files);
      const short = { width: 10, height: 10, data: new Uint8Array(299) };
      await expectCode(detector.detect(short), 'IMAGE_RAW_SIZE_MISMATCH');
      await expectCode(
        detector.detect({ width: 0, height: 0, data: new Uint8Array(0) }),
        'IMAGE_TOO_SMALL',
      );
      const blank = { width: 8, height: 8, data: new Uint8Array(192) };
      await expectCode(detector.detect(blank, { minScore: 2 }), 'INVALID_ARGUMENT');
      expect(await detector.detect(blank)).toEqual([]);
    });
  });
});

describeIfData('detections map back to the image passed', PORTRAIT, () => {
  for (const c of [yunet, scrfd]) {
    describeIfFiles(c.name, c.files.values(), c.remedy, () => {
      it('finds the face 100 px further right and down in a copy padded top and left', async () => {
        const image = await loadRgb(dataPath(PORTRAIT));
        const padded = cropAndResize(
          image,
          { x: -100, y: -100, width: image.width + 100, height: image.height + 100 },
          image.width + 100,
          image.height + 100,
        );
        const detector = await createDetector(c.spec, c.files);
        const [face] = await detector.detect(image);
        const [moved] = await detector.detect(padded);
        if (face === undefined || moved === undefined) throw new Error('no face found');

        const shiftedBack = { ...moved.box, x: moved.box.x - 100, y: moved.box.y - 100 };
        // The model sees the face at another scale, so allow what that changes, not more.
        expect(iou(face.box, shiftedBack)).toBeGreaterThan(0.9);
        const tolerance = 0.05 * face.box.width;
        face.landmarks.forEach((p, k) => {
          const q = moved.landmarks[k];
          expect(Math.abs((q?.x ?? NaN) - 100 - p.x)).toBeLessThan(tolerance);
          expect(Math.abs((q?.y ?? NaN) - 100 - p.y)).toBeLessThan(tolerance);
        });
      });
    });
  }
});
