import { isRollcallError } from '@rollcall/errors';
import type Redis from 'ioredis';

import {
  addSample,
  allSamples,
  createPerson,
  deletePerson,
  deleteSample,
  getSampleCrop,
  lastRegistryChangeId,
  listPeople,
  listSamples,
  personSamples,
  type RegistryContext,
  type SampleVector,
} from '../src';
import { readChanges } from './support/changes';
import { connect, deletePrefix, keysUnder, testContext } from './support/redis';
import { seededEmbedding } from './support/vectors';

let redis: Redis;
let context: RegistryContext;

beforeAll(() => {
  redis = connect();
  context = testContext(redis);
});

afterAll(async () => {
  await deletePrefix(redis, context.keys.prefix);
  await redis.quit();
});

const quality = { eyeDistance: 60, sharpness: 300, yaw: 3, pitch: 1, roll: 0, score: 0.98 };

async function collect(modelId: string, batchSize?: number): Promise<SampleVector[][]> {
  const batches: SampleVector[][] = [];
  for await (const batch of allSamples(context, modelId, { batchSize })) batches.push(batch);
  return batches;
}

describe('samples', () => {
  it('stores, lists and deletes samples with their crops, announcing each', async () => {
    const person = await createPerson(context, { name: 'Sam' });
    const crop = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const a = await addSample(context, person.id, {
      embedding: seededEmbedding('m1', 1),
      quality,
      cropJpeg: crop,
    });
    const b = await addSample(context, person.id, { embedding: seededEmbedding('m1', 2) });

    expect((await listSamples(context, person.id)).map((s) => s.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(a).toMatchObject({ personId: person.id, modelId: 'm1', quality, hasCrop: true });
    expect(await getSampleCrop(context, person.id, a.id)).toEqual(crop);
    expect(await getSampleCrop(context, person.id, b.id)).toBeUndefined();
    expect((await listPeople(context)).people[0]?.sampleCount).toBe(2);

    await deleteSample(context, person.id, a.id);
    expect((await listSamples(context, person.id)).map((s) => s.id)).toEqual([b.id]);
    const missing = await deleteSample(context, person.id, a.id).catch((e: unknown) => e);
    expect(isRollcallError(missing, 'SAMPLE_NOT_FOUND')).toBe(true);

    const kinds = (await readChanges(context))
      .filter((c) => c.sampleId !== '')
      .map((c) => [c.kind, c.sampleId]);
    expect(kinds).toEqual([
      ['SAMPLE_ADDED', a.id],
      ['SAMPLE_ADDED', b.id],
      ['SAMPLE_DELETED', a.id],
    ]);
    await deletePerson(context, person.id);
  });

  it('refuses a sample for a person who is not enrolled', async () => {
    const error = await addSample(context, 'p_nobody', {
      embedding: seededEmbedding('m1', 3),
    }).catch((e: unknown) => e);
    expect(isRollcallError(error, 'PERSON_NOT_FOUND')).toBe(true);
  });

  it('purges every sample, embedding and crop of a deleted person', async () => {
    const person = await createPerson(context, { name: 'Gone', externalId: 'gone-1' });
    for (let i = 0; i < 3; i++) {
      await addSample(context, person.id, {
        embedding: seededEmbedding('m1', 10 + i),
        cropJpeg: Buffer.from([i]),
      });
    }
    const before = await keysUnder(redis, context.keys.prefix);
    expect(before).toContain(context.keys.sampleCrops(person.id));

    await deletePerson(context, person.id);

    const after = await keysUnder(redis, context.keys.prefix);
    expect(after.filter((k) => k.includes(person.id))).toEqual([]);
    expect(await redis.hexists(context.keys.externalIds, 'gone-1')).toBe(0);
    expect((await readChanges(context)).at(-1)).toMatchObject({
      kind: 'PERSON_DELETED',
      personId: person.id,
    });
  });

  it('yields every sample of one model in batches, and the change id to follow from', async () => {
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await createPerson(context, { name: `P${i}` }));
    for (const [i, person] of people.entries()) {
      await addSample(context, person.id, { embedding: seededEmbedding('m1', 100 + i) });
      await addSample(context, person.id, { embedding: seededEmbedding('m2', 200 + i, 128) });
    }

    const batches = await collect('m1', 2);
    const vectors = batches.flat();
    expect(batches.length).toBeGreaterThan(1);
    expect(vectors).toHaveLength(7);
    expect(new Set(vectors.map((v) => v.personId))).toEqual(new Set(people.map((p) => p.id)));
    for (const v of vectors) {
      const i = people.findIndex((p) => p.id === v.personId);
      expect(Array.from(v.embedding.vector)).toEqual(
        Array.from(seededEmbedding('m1', 100 + i).vector),
      );
    }
    expect((await collect('m2')).flat().every((v) => v.embedding.vector.length === 128)).toBe(true);
    expect(await collect('absent')).toEqual([]);

    // An unreadable value is counted and skipped, not fatal; so are other models' samples.
    await redis.hset(context.keys.samples(people[0]?.id as string), 's_broken', 'not bytes');
    const skipped = { otherModel: 0, malformed: 0 };
    let loaded = 0;
    for await (const batch of allSamples(context, 'm1', { skipped })) loaded += batch.length;
    expect([loaded, skipped]).toEqual([7, { otherModel: 7, malformed: 1 }]);

    const ofTwo = await personSamples(context, [people[1]?.id as string, 'p_absent'], 'm2');
    expect(ofTwo.map((v) => v.personId)).toEqual([people[1]?.id]);

    const newest = await redis.xrevrange(context.keys.registryChanges.key, '+', '-', 'COUNT', 1);
    expect(await lastRegistryChangeId(context)).toBe(newest[0]?.[0]);
  });
});
