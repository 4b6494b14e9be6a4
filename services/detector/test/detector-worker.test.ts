import { readdirSync } from 'node:fs';

import type { FaceFound } from '@rollcall/contracts';
import { createLogger } from '@rollcall/log';
import { DEAD_LETTER_FIELD_PREFIX } from '@rollcall/streams';
import type { LoadedPack } from '@rollcall/vision';
import { closeAllSessions, createDetector, decodeImage, loadPack } from '@rollcall/vision';

import { FaceFinder, runDetectorWorker, type DetectorRun } from '../src';
import { dataPath, describeIfData } from '../../../packages/vision/test/support/data';
import { GROUP_PHOTO, LFW_DIR, NO_FACE_PHOTO, jpegFrame, readData } from './support/frames';
import { connect, deletePrefix, requireRedis, testKeySpace } from './support/redis';
import { appendTyped, readAll, readDecoded, waitFor } from './support/streams';

const logger = createLogger({ service: 'detector-test', level: 'silent' });
const keys = testKeySpace('detector');
const redis = connect('detector-test');

interface Running {
  readonly run: DetectorRun;
  stop(): Promise<void>;
}

describeIfData('detector worker on the real Redis', GROUP_PHOTO, () => {
  let pack: LoadedPack;
  let finder: FaceFinder;
  const running: Running[] = [];

  function start(consumer: string): Running {
    const controller = new AbortController();
    const run = runDetectorWorker({
      redis,
      keys,
      finder,
      consumer,
      signal: controller.signal,
      logger,
      readBatch: 1,
      blockMs: 200,
      claimIdleMs: 5_000,
    });
    const worker = {
      run,
      stop: async () => {
        controller.abort();
        await run.done;
      },
    };
    running.push(worker);
    return worker;
  }

  async function faces(): Promise<FaceFound[]> {
    return (await readDecoded(redis, keys.faces)).map((e) => e.message as FaceFound);
  }

  beforeAll(async () => {
    await requireRedis(redis);
    pack = await loadPack('rollcall-default');
    finder = await FaceFinder.open(pack);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((w) => w.stop()));
    await deletePrefix(redis, keys.prefix);
  });
  afterAll(async () => {
    await finder.close();
    await closeAllSessions();
    redis.disconnect();
  });

  it('turns a group photo into one FaceFound per face, with a crop per template', async () => {
    const jpeg = readData(GROUP_PHOTO);
    const detector = await createDetector(pack.manifest.detector, pack.files);
    const expected = await detector.detect(await decodeImage(jpeg));
    expect(expected.length).toBeGreaterThan(1);

    const worker = start('only');
    await appendTyped(redis, keys.frames, 'Frame', jpegFrame(jpeg, 'hall', 7));
    await waitFor('the frame to be processed', () => worker.run.detector.frames === 1);

    const found = await faces();
    expect(found).toHaveLength(expected.length);
    expect(worker.run.detector.faces).toBe(expected.length);
    const templates = pack.manifest.recognizers.map(
      (r) => `${r.template}:${r.inputSize.join('x')}`,
    );
    for (const [i, face] of found.entries()) {
      expect(face.face?.faceId).toBe(`hall:7:${i}`);
      expect(face.face?.facesInFrame).toBe(expected.length);
      expect(face.face?.box?.x).toBeCloseTo(expected[i]?.box.x ?? NaN, 3);
      expect(face.face?.landmarks).toHaveLength(5);
      expect(face.face?.quality?.interEyePx).toBeGreaterThan(5);
      expect(face.detectorId).toBe(finder.detectorId);
      const crops = face.crops.map((c) => `${c.template}:${c.image?.width}x${c.image?.height}`);
      expect(crops.sort()).toEqual([...new Set(templates)].sort());
      for (const crop of face.crops) {
        const { width = 0, height = 0, pixels } = crop.image ?? {};
        expect(pixels?.length).toBe(width * height * 3);
      }
    }
    await detector.close();
  });

  it('reads raw rgb24 frames like JPEG ones', async () => {
    const image = await decodeImage(readData(GROUP_PHOTO));
    const worker = start('raw');
    const raw = { width: image.width, height: image.height, pixelFormat: 'rgb24' };
    await appendTyped(redis, keys.frames, 'Frame', {
      ...jpegFrame(Buffer.alloc(0), 'hall', 8),
      image: { $case: 'raw', value: { ...raw, pixels: Buffer.from(image.data) } },
    });
    await waitFor('the frame to be processed', () => worker.run.detector.frames === 1);
    expect((await faces()).length).toBeGreaterThan(1);
  });

  it('appends nothing for a photo without faces, and counts it', async () => {
    const worker = start('empty');
    await appendTyped(redis, keys.frames, 'Frame', jpegFrame(readData(NO_FACE_PHOTO), 'yard', 1));
    await waitFor('the frame to be processed', () => worker.run.detector.frames === 1);
    expect(worker.run.detector.framesWithoutFaces).toBe(1);
    expect(await faces()).toHaveLength(0);
    expect(await redis.xpending(keys.frames.key, 'detector')).toEqual([0, null, null, null]);
  });

  it('dead-letters a corrupt frame with the reason and keeps working', async () => {
    const worker = start('sturdy');
    const jpeg = readData(GROUP_PHOTO);
    await appendTyped(redis, keys.frames, 'Frame', jpegFrame(jpeg.subarray(0, 600), 'hall', 1));
    await redis.xadd(keys.frames.key, '*', 'v', '1', 'type', 'Frame', 'data', 'not protobuf');
    await appendTyped(redis, keys.frames, 'Frame', jpegFrame(readData(NO_FACE_PHOTO), 'yard', 2));
    await waitFor('the good frame', () => worker.run.detector.frames === 1);

    const dead = await waitFor('two dead letters', async () => {
      const entries = await readAll(redis, keys.deadLetters(keys.frames));
      return entries.length === 2 ? entries : undefined;
    });
    const errors = dead.map((d) => d.fields.get(`${DEAD_LETTER_FIELD_PREFIX}error`)?.toString());
    expect(errors[0]).toMatch(/^Frame hall:1 cannot be read: IMAGE_UNREADABLE: /);
    expect(errors[1]).toMatch(/not a valid Frame message/);
    expect(await redis.xpending(keys.frames.key, 'detector')).toEqual([0, null, null, null]);
  });

  it('splits frames between two workers of one group, none processed twice', async () => {
    const names = readdirSync(dataPath(LFW_DIR)).slice(0, 8);
    const jpegs = names.map((name) => readData(`${LFW_DIR}/${name}/${name}_0001.jpg`));
    // Redis 7.0 adds a member only once a read delivers to it, so the frames go first.
    for (const [seq, jpeg] of jpegs.entries()) {
      await appendTyped(redis, keys.frames, 'Frame', jpegFrame(jpeg, 'gate', seq));
    }
    const workers = [start('left'), start('right')];
    const total = () => workers.reduce((n, w) => n + w.run.detector.frames, 0);
    await waitFor('every frame to be processed', () => total() === jpegs.length);

    for (const worker of workers) expect(worker.run.detector.frames).toBeGreaterThan(0);
    const ids = (await faces()).map((f) => f.face?.faceId);
    expect(new Set(ids).size).toBe(ids.length);
    const seqs = new Set((await faces()).map((f) => f.face?.frameSeq));
    const withFaces = workers.reduce(
      (n, w) => n + w.run.detector.frames - w.run.detector.framesWithoutFaces,
      0,
    );
    expect(seqs.size).toBe(withFaces);
  });
});
