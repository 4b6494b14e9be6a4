import { bytesToVector, type FaceEmbedded, type FaceFound } from '@rollcall/contracts';
import { FaceFinder, runDetectorWorker } from '@rollcall/detector';
import { createLogger } from '@rollcall/log';
import { DEAD_LETTER_FIELD_PREFIX } from '@rollcall/streams';
import type { FaceAnalysis } from '@rollcall/vision';
import { FaceAnalyzer, closeAllSessions, cosineSimilarity, loadPack } from '@rollcall/vision';

import { CropEmbedder, runEmbedderWorker } from '../src';
import { describeIfData } from '../../../packages/vision/test/support/data';
import { GROUP_PHOTO, jpegFrame, readData } from '../../detector/test/support/frames';
import {
  connect,
  deletePrefix,
  requireRedis,
  testKeySpace,
} from '../../detector/test/support/redis';
import { appendTyped, readAll, readDecoded, waitFor } from '../../detector/test/support/streams';

const logger = createLogger({ service: 'embedder-test', level: 'silent' });
const keys = testKeySpace('embedder');
const redis = connect('embedder-test');

describeIfData('embedder worker on the real Redis', GROUP_PHOTO, () => {
  let analyzer: FaceAnalyzer;
  let finder: FaceFinder;
  let direct: FaceAnalysis;
  const controller = new AbortController();
  const stops: Promise<unknown>[] = [];

  beforeAll(async () => {
    await requireRedis(redis);
    const pack = await loadPack('rollcall-default');
    analyzer = await FaceAnalyzer.create(pack);
    finder = await FaceFinder.open(pack);
    direct = await analyzer.analyze(readData(GROUP_PHOTO));

    const timings = { blockMs: 200, claimIdleMs: 5_000 };
    const common = { redis, keys, signal: controller.signal, logger, ...timings };
    stops.push(runDetectorWorker({ ...common, finder, consumer: 'det' }).done);
    stops.push(
      runEmbedderWorker({ ...common, embedder: new CropEmbedder(analyzer), consumer: 'emb' }).done,
    );
  });
  afterAll(async () => {
    controller.abort();
    await Promise.all(stops);
    await deletePrefix(redis, keys.prefix);
    await analyzer.close();
    await finder.close();
    await closeAllSessions();
    redis.disconnect();
  });

  it('embeds every face of a frame as FaceAnalyzer does for the same photo', async () => {
    expect(direct.faces.length).toBeGreaterThan(1);
    await appendTyped(redis, keys.frames, 'Frame', jpegFrame(readData(GROUP_PHOTO), 'hall', 3));

    const embedded = await waitFor('every face embedded', async () => {
      const entries = (await readDecoded(redis, keys.embeddings)).map(
        (e) => e.message as FaceEmbedded,
      );
      return entries.length === direct.faces.length ? entries : undefined;
    });

    const ids = embedded.map((e) => e.face?.faceId).sort();
    expect(ids).toEqual(direct.faces.map((_, i) => `hall:3:${i}`).sort());
    for (const entry of embedded) {
      expect(entry.modelId).toBe(analyzer.modelId);
      const index = Number(entry.face?.faceId.split(':')[2]);
      const expected = direct.faces[index];
      expect(entry.face?.box?.x).toBeCloseTo(expected?.box.x ?? NaN, 3);
      const vector = bytesToVector(entry.vectorF32, expected?.embedding?.vector.length);
      const similarity = cosineSimilarity(
        { modelId: entry.modelId, vector },
        expected?.embedding ?? { modelId: '', vector: new Float32Array() },
      );
      expect(similarity).toBeGreaterThan(0.99);
    }
    // A batch's results are appended before its entries are acknowledged: await the acks.
    await waitFor('every face acknowledged', async () => {
      const [count] = (await redis.xpending(keys.faces.key, 'embedder')) as [number];
      return count === 0;
    });
  });

  it('dead-letters a face without the crops the pack needs', async () => {
    const found = (await readDecoded(redis, keys.faces))[0]?.message as FaceFound;
    const oneCropShort: FaceFound = { ...found, crops: found.crops.slice(1) };
    await appendTyped(redis, keys.faces, 'FaceFound', oneCropShort);

    const dead = await waitFor('the dead letter', async () => {
      const entries = await readAll(redis, keys.deadLetters(keys.faces));
      return entries[0];
    });
    const error = dead.fields.get(`${DEAD_LETTER_FIELD_PREFIX}error`)?.toString();
    expect(error).toMatch(/cannot be embedded: INVALID_ARGUMENT: .*needs \[/);
  });
});
