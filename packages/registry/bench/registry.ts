/**
 * Prints registry timings on the Redis at REDIS_URL (default redis://127.0.0.1:6379),
 * under a random prefix it deletes after: createPerson and addSample per call, a full
 * `allSamples` read of PEOPLE x SAMPLES 512-D samples, `listPeople` with counts, and
 * `deletePerson`. Usage: pnpm --filter @rollcall/registry bench [people] [samples each]
 */
import { randomBytes } from 'node:crypto';

import { createKeySpace } from '@rollcall/streams';
import Redis from 'ioredis';

import {
  addSample,
  allSamples,
  createPerson,
  deletePerson,
  listPeople,
  type RegistryContext,
} from '../src';
import { deletePrefix } from '../test/support/redis';
import { seededEmbedding } from '../test/support/vectors';

const PEOPLE = Number(process.argv[2] ?? 2000);
const SAMPLES = Number(process.argv[3] ?? 5);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

async function main(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const context: RegistryContext = {
    redis,
    keys: createKeySpace(`{bench-registry-${randomBytes(4).toString('hex')}}`),
  };

  try {
    const ids: string[] = [];
    const [, createMs] = await timed(async () => {
      for (let i = 0; i < PEOPLE; i++)
        ids.push((await createPerson(context, { name: `P${i}` })).id);
    });
    const [, addMs] = await timed(async () => {
      for (const [i, id] of ids.entries()) {
        for (let s = 0; s < SAMPLES; s++) {
          await addSample(context, id, { embedding: seededEmbedding('bench', i * 100 + s) });
        }
      }
    });

    let loaded = 0;
    const [, scanMs] = await timed(async () => {
      for await (const batch of allSamples(context, 'bench')) loaded += batch.length;
    });
    const [, listMs] = await timed(() => listPeople(context, { search: 'p1' }));
    const [, deleteMs] = await timed(async () => {
      for (const id of ids.slice(0, 100)) await deletePerson(context, id);
    });

    const samples = PEOPLE * SAMPLES;
    console.log(`people ${PEOPLE}, samples ${samples} (512-D), one connection, sequential calls`);
    console.log(`createPerson      ${(createMs / PEOPLE).toFixed(3)} ms per call`);
    console.log(`addSample         ${(addMs / samples).toFixed(3)} ms per call`);
    console.log(
      `allSamples        ${scanMs.toFixed(0)} ms for ${loaded} samples ` +
        `(${Math.round(loaded / (scanMs / 1000))} samples/s)`,
    );
    console.log(`listPeople search ${listMs.toFixed(1)} ms over ${PEOPLE} people with counts`);
    console.log(
      `deletePerson      ${(deleteMs / 100).toFixed(3)} ms per call (${SAMPLES} samples)`,
    );
  } finally {
    await deletePrefix(redis, context.keys.prefix);
    await redis.quit();
  }
}

void main();
