import {
  addSample,
  createPerson,
  deletePerson,
  deleteSample,
  type RegistryContext,
} from '@rollcall/registry';
import { createLogger } from '@rollcall/log';
import { appendEntry } from '@rollcall/streams';
import type Redis from 'ioredis';

import { Gallery } from '../src/gallery/gallery';
import { GallerySync } from '../src/gallery/gallery-sync';
import { seededRandom, unitVector } from './support/random-vectors';
import { connect, deletePrefix, testKeySpace, waitFor } from './support/redis';

const MODEL = 'test-model@1';
const DIM = 64;
const random = seededRandom(11);
const quiet = createLogger({ service: 'matcher-test', level: 'silent' });

let redis: Redis;
let context: RegistryContext;
const running: { controller: AbortController; done: Promise<void> }[] = [];

beforeAll(() => {
  redis = connect();
});

beforeEach(() => {
  context = { redis, keys: testKeySpace() };
});

afterEach(async () => {
  try {
    for (const r of running.splice(0)) {
      r.controller.abort();
      await r.done;
    }
  } finally {
    await deletePrefix(redis, context.keys.prefix);
  }
});

afterAll(async () => {
  await redis.quit();
});

function embedding(modelId = MODEL, dim = DIM) {
  return { modelId, vector: unitVector(random, dim) };
}

async function enrol(name: string, samples: number) {
  const person = await createPerson(context, { name });
  const ids: string[] = [];
  for (let i = 0; i < samples; i++) {
    ids.push((await addSample(context, person.id, { embedding: embedding() })).id);
  }
  return { personId: person.id, sampleIds: ids };
}

async function startReplica() {
  const gallery = new Gallery(MODEL, DIM);
  const sync = new GallerySync({ redis, keys: context.keys, gallery, blockMs: 100, logger: quiet });
  const report = await sync.load();
  const controller = new AbortController();
  running.push({ controller, done: sync.run(controller.signal) });
  return { gallery, sync, report };
}

describe('GallerySync', () => {
  it('loads every sample of its model and counts the samples of other models', async () => {
    const alice = await enrol('Alice', 2);
    const bob = await enrol('Bob', 1);
    await addSample(context, bob.personId, { embedding: embedding('other-model@2', 32) });

    const { gallery, report } = await startReplica();

    expect(report).toMatchObject({ people: 2, samples: 3, otherModel: 1, malformed: 0 });
    expect(gallery.sampleIds(alice.personId)).toEqual([...alice.sampleIds].sort());
    expect(gallery.sampleIds(bob.personId)).toEqual(bob.sampleIds);
  });

  it('keeps two replicas in step as people are added and deleted and samples deleted', async () => {
    const alice = await enrol('Alice', 2);
    const one = await startReplica();
    const two = await startReplica();

    const carol = await enrol('Carol', 3);
    await deleteSample(context, alice.personId, alice.sampleIds[0] as string);

    for (const { gallery } of [one, two]) {
      await waitFor('Carol and the deletion', () => gallery.sampleIds(carol.personId).length === 3);
      await waitFor('the deletion', () => gallery.sampleIds(alice.personId).length === 1);
      expect(gallery.sampleIds(alice.personId)).toEqual([alice.sampleIds[1]]);
      expect(gallery.people).toBe(2);
    }

    await deletePerson(context, carol.personId);
    for (const { gallery } of [one, two]) {
      await waitFor('Carol removed', () => gallery.people === 1);
      expect(gallery.samples).toBe(1);
    }
  });

  it('reloads everything when the change stream was trimmed past its position', async () => {
    const alice = await enrol('Alice', 1);
    const gallery = new Gallery(MODEL, DIM);
    const sync = new GallerySync({
      redis,
      keys: context.keys,
      gallery,
      blockMs: 100,
      logger: quiet,
    });
    await sync.load();

    // Changes made while the replica is not reading, then trimmed away entirely: a
    // replica replaying the stream would never see Dave.
    const dave = await enrol('Dave', 2);
    await deleteSample(context, alice.personId, alice.sampleIds[0] as string);
    await redis.xtrim(context.keys.registryChanges.key, 'MAXLEN', 0);

    const controller = new AbortController();
    running.push({ controller, done: sync.run(controller.signal) });

    await waitFor('a full reload', () => sync.reloads === 2);
    expect(gallery.sampleIds(dave.personId)).toEqual([...dave.sampleIds].sort());
    expect(gallery.sampleIds(alice.personId)).toEqual([]);
    expect(gallery.people).toBe(1);
  });

  it('does not reload while it has read every change', async () => {
    await enrol('Alice', 1);
    const { sync } = await startReplica();
    await enrol('Erin', 1);

    await waitFor('the change applied', () => sync.changes >= 2);
    expect(sync.reloads).toBe(1);
  });
  it('skips a change it cannot read and applies the ones after it', async () => {
    const { gallery, sync } = await startReplica();
    await appendEntry(redis, context.keys.registryChanges, {
      schemaVersion: 1,
      fields: { type: 'RegistryChange', data: Buffer.from([0x0a, 0x05, 0x01]) },
    });
    const frank = await enrol('Frank', 1);

    await waitFor('Frank added', () => gallery.sampleIds(frank.personId).length === 1);
    expect(sync.reloads).toBe(1);
  });
});
