import { readFileSync } from 'node:fs';

import { bytesToVector, type FaceMatched } from '@rollcall/contracts';
import { createLogger } from '@rollcall/log';
import { addSample, createPerson, type RegistryContext } from '@rollcall/registry';
import { FaceAnalyzer, closeAllSessions, type Embedding } from '@rollcall/vision';
import type Redis from 'ioredis';

import { itIfData } from '../../../packages/vision/test/support/data';
import { lfwImage, packIfPresent } from '../../../packages/vision/test/recognize/fixtures';
import { runMatcher } from '../src/service/run-matcher';
import { packModel, type PackModel } from '../src/service/pack-model';
import { redisCameraThresholds } from '../src/service/camera-threshold';
import { redisSettingsThreshold } from '../src/service/settings-threshold';
import { appendEmbedded, readDeadLetters, readMatches } from './support/entries';
import { noisyCopy, seededRandom, unitVector } from './support/random-vectors';
import { connect, deletePrefix, testKeySpace, waitFor } from './support/redis';

const SYNTHETIC: PackModel = { modelId: 'test-model@1', dimension: 64, threshold: 0.5 };
const random = seededRandom(21);
const quiet = createLogger({ service: 'matcher-test', level: 'silent' });

let redis: Redis;
let context: RegistryContext;
let stopMatcher: (() => Promise<void>) | undefined;

beforeAll(() => {
  redis = connect();
});

beforeEach(() => {
  context = { redis, keys: testKeySpace() };
});

afterEach(async () => {
  try {
    await stopMatcher?.();
  } finally {
    stopMatcher = undefined;
    await deletePrefix(redis, context.keys.prefix);
  }
});

afterAll(async () => {
  await redis.quit();
  await closeAllSessions();
});

async function enrol(name: string, embeddings: Embedding[]): Promise<string> {
  const person = await createPerson(context, { name });
  for (const embedding of embeddings) await addSample(context, person.id, { embedding });
  return person.id;
}

function startMatcher(model: PackModel): void {
  const controller = new AbortController();
  const done = runMatcher({
    redis,
    keys: context.keys,
    model,
    consumer: 'm1',
    signal: controller.signal,
    cameraThreshold: redisCameraThresholds(redis, context.keys, { cacheMs: 0 }),
    settingsThreshold: redisSettingsThreshold(redis, context.keys, { refreshMs: 0 }),
    blockMs: 100,
    logger: quiet,
  });
  stopMatcher = async () => {
    controller.abort();
    await done;
  };
}

async function matchesAfter(count: number): Promise<FaceMatched[]> {
  await waitFor(
    `${count} matches`,
    async () => (await readMatches(redis, context.keys)).length >= count,
  );
  return readMatches(redis, context.keys);
}

describe('runMatcher', () => {
  it('writes the best person, threshold, candidates and query of each embedding', async () => {
    const alice = unitVector(random, 64);
    const aliceId = await enrol('Alice', [{ modelId: SYNTHETIC.modelId, vector: alice }]);
    const bobId = await enrol('Bob', [
      { modelId: SYNTHETIC.modelId, vector: noisyCopy(random, alice, 1.2) },
    ]);
    startMatcher(SYNTHETIC);

    const query = noisyCopy(random, alice, 0.3);
    await appendEmbedded(redis, context.keys, {
      cameraId: 'hall',
      faceId: 'hall:7:0',
      modelId: SYNTHETIC.modelId,
      vector: query,
    });
    const stranger = unitVector(random, 64);
    await appendEmbedded(redis, context.keys, {
      cameraId: 'hall',
      faceId: 'hall:7:1',
      modelId: SYNTHETIC.modelId,
      vector: stranger,
    });
    const [known, unknown] = await matchesAfter(2);

    expect(known).toMatchObject({ personId: aliceId, threshold: 0.5, modelId: SYNTHETIC.modelId });
    expect(known?.face).toMatchObject({ faceId: 'hall:7:0', cameraId: 'hall', frameSeq: 7 });
    expect(known?.candidates.map((c) => c.personId)).toEqual([aliceId, bobId]);
    expect(known?.score).toBeCloseTo(known?.candidates[0]?.score as number, 6);
    expect([...bytesToVector(known?.vectorF32 as Buffer)]).toEqual([...query]);
    expect(unknown?.personId).toBe('');
    expect(unknown?.score).toBeLessThan(0.5);
    expect(await readDeadLetters(redis, context.keys)).toEqual([]);
  });

  it("uses a camera's own threshold from its configuration", async () => {
    const alice = unitVector(random, 64);
    await enrol('Alice', [{ modelId: SYNTHETIC.modelId, vector: alice }]);
    await redis.hset(context.keys.cameraConfig('vault'), 'threshold', '0.99');
    startMatcher(SYNTHETIC);

    const query = noisyCopy(random, alice, 0.3);
    for (const cameraId of ['vault', 'hall']) {
      await appendEmbedded(redis, context.keys, {
        cameraId,
        faceId: `${cameraId}:1:0`,
        modelId: SYNTHETIC.modelId,
        vector: query,
      });
    }
    const [vault, hall] = await matchesAfter(2);

    expect(vault?.personId).toBe('');
    expect(vault?.threshold).toBeCloseTo(0.99, 6); // a proto float
    expect(hall?.personId).not.toBe('');
    expect(hall?.threshold).toBe(0.5);
    expect(vault?.score).toBeCloseTo(hall?.score as number, 6);
  });

  it('follows the site threshold, and a camera threshold over it, while it runs', async () => {
    const alice = unitVector(random, 64);
    const aliceId = await enrol('Alice', [{ modelId: SYNTHETIC.modelId, vector: alice }]);
    startMatcher(SYNTHETIC);
    const query = noisyCopy(random, alice, 0.3);
    const matchHall = async (n: number) => {
      const faceId = `hall:${n}:0`;
      const face = { cameraId: 'hall', faceId, modelId: SYNTHETIC.modelId, vector: query };
      await appendEmbedded(redis, context.keys, face);
      return (await matchesAfter(n))[n - 1] as FaceMatched;
    };

    const packs = await matchHall(1);
    await redis.hset(context.keys.settings, 'threshold', '0.99');
    const sites = await matchHall(2);
    await redis.hset(context.keys.cameraConfig('hall'), 'threshold', '0.25');
    const cameras = await matchHall(3);
    await redis.hdel(context.keys.cameraConfig('hall'), 'threshold');
    await redis.hset(context.keys.settings, 'threshold', 'junk');
    const junk = await matchHall(4);

    expect(packs.score).toBeLessThan(0.99);
    expect([packs.personId, packs.threshold]).toEqual([aliceId, 0.5]);
    expect(sites.personId).toBe('');
    expect(sites.threshold).toBeCloseTo(0.99, 6);
    expect(sites.score).toBeCloseTo(packs.score, 6);
    expect(cameras.personId).toBe(aliceId);
    expect(cameras.threshold).toBeCloseTo(0.25, 6);
    expect([junk.personId, junk.threshold]).toEqual([aliceId, 0.5]);
  });

  it('dead-letters embeddings of another model or dimension without comparing them', async () => {
    await enrol('Alice', [{ modelId: SYNTHETIC.modelId, vector: unitVector(random, 64) }]);
    startMatcher(SYNTHETIC);

    const faces = [
      { modelId: 'other-model@3', vector: unitVector(random, 64) },
      { modelId: SYNTHETIC.modelId, vector: unitVector(random, 32) },
      { modelId: SYNTHETIC.modelId, vector: unitVector(random, 64) },
    ];
    for (const [i, face] of faces.entries()) {
      await appendEmbedded(redis, context.keys, {
        cameraId: 'hall',
        faceId: `hall:1:${i}`,
        ...face,
      });
    }
    await matchesAfter(1);
    await waitFor(
      'two dead letters',
      async () => (await readDeadLetters(redis, context.keys)).length === 2,
    );
    const dead = await readDeadLetters(redis, context.keys);

    expect(dead.map((d) => d.get('dead:code')?.toString())).toEqual([
      'EMBEDDING_MODEL_MISMATCH',
      'EMBEDDING_DIMENSION_MISMATCH',
    ]);
    expect(dead[0]?.get('type')?.toString()).toBe('FaceEmbedded');
    expect(await readMatches(redis, context.keys)).toHaveLength(1);
    const pending = (await redis.xpending(context.keys.embeddings.key, 'matcher')) as unknown[];
    expect(pending[0]).toBe(0);
  });

  itIfData(
    'matches a second LFW photo to the person enrolled from the first, with the real model',
    'lfw-deepfunneled/images/Colin_Powell/Colin_Powell_0002.jpg',
    async () => {
      const pack = await packIfPresent('rollcall-default');
      if (pack === undefined) return;
      const analyzer = await FaceAnalyzer.create(pack);
      const embed = async (name: string, n: number) => {
        const { faces } = await analyzer.analyze(readFileSync(lfwImage(name, n)), { maxFaces: 1 });
        return faces[0]?.embedding as Embedding;
      };
      const powellId = await enrol('Colin Powell', [await embed('Colin_Powell', 1)]);
      await enrol('Tony Blair', [await embed('Tony_Blair', 1)]);
      const model = packModel(pack.manifest);
      startMatcher(model);

      const query = await embed('Colin_Powell', 2);
      await appendEmbedded(redis, context.keys, {
        cameraId: 'door',
        faceId: 'door:1:0',
        modelId: query.modelId,
        vector: query.vector,
      });
      const [matched] = await matchesAfter(1);

      expect(query.modelId).toBe(model.modelId);
      expect(matched?.personId).toBe(powellId);
      expect(matched?.score).toBeGreaterThanOrEqual(model.threshold);
      expect(matched?.candidates).toHaveLength(2);
    },
    120_000,
  );
});
