// Faces per second through one embedder worker on the real Redis, at batch 1 and batch 8:
// `pnpm --filter @rollcall/embedder bench`. Faces come from the bbt group photos (run
// through the detector once), appended to a fresh key prefix that is deleted afterwards.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { encodeEntry, type FaceFound } from '@rollcall/contracts';
import { FaceFinder } from '@rollcall/detector';
import { createLogger } from '@rollcall/log';
import { deletePrefix } from '@rollcall/testing';
import { createKeySpace, queueAppend, type KeySpace } from '@rollcall/streams';
import { visionSettings } from '@rollcall/config';
import { FaceAnalyzer, closeAllSessions, loadPack } from '@rollcall/vision';
import Redis from 'ioredis';

import { CropEmbedder, runEmbedderWorker } from '../src';

const FACES = Number(process.env.BENCH_FACES ?? 64);
const BATCHES = [1, 8];
const logger = createLogger({ service: 'embedder-bench', level: 'warn' });

async function main(): Promise<void> {
  const pack = await loadPack('rollcall-default');
  const analyzer = await FaceAnalyzer.create(pack);
  const finder = await FaceFinder.open(pack);
  const found = await groupFaces(finder);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  console.log(
    `${found.length} distinct faces, ${FACES} embedded per run, pack ${pack.manifest.name}`,
  );

  try {
    for (const batchSize of BATCHES) {
      const keys = createKeySpace(`{bench-embedder-${randomBytes(4).toString('hex')}}`);
      try {
        const facesPerSecond = await timeRun(redis, keys, analyzer, found, batchSize);
        console.log(`batch ${batchSize}: ${facesPerSecond.toFixed(1)} faces/s`);
      } finally {
        await deletePrefix(redis, keys.prefix);
      }
    }
  } finally {
    redis.disconnect();
    await closeAllSessions();
  }
}

async function groupFaces(finder: FaceFinder): Promise<FaceFound[]> {
  const dir = path.join(visionSettings().dataDir, 'bbt-face-api-js', 'group');
  const faces: FaceFound[] = [];
  for (let n = 1; n <= 5; n++) {
    const jpeg = readFileSync(path.join(dir, `bbt${n}.jpg`));
    const frame = { cameraId: 'bench', seq: n, capturedAtMs: Date.now(), width: 0, height: 0 };
    faces.push(...(await finder.find({ ...frame, image: { $case: 'jpeg', value: jpeg } })));
  }
  return faces;
}

async function timeRun(
  redis: Redis,
  keys: KeySpace,
  analyzer: FaceAnalyzer,
  found: readonly FaceFound[],
  batchSize: number,
): Promise<number> {
  const append = redis.pipeline();
  for (let i = 0; i < FACES; i++) {
    queueAppend(append, keys.faces, encodeEntry('FaceFound', found[i % found.length] as FaceFound));
  }
  await append.exec();

  const controller = new AbortController();
  const started = process.hrtime.bigint();
  const run = runEmbedderWorker({
    redis,
    keys,
    embedder: new CropEmbedder(analyzer),
    consumer: 'bench',
    signal: controller.signal,
    logger,
    batchSize,
    blockMs: 100,
  });
  while (run.embedder.faces < FACES) await new Promise((r) => setTimeout(r, 5));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  controller.abort();
  await run.done;
  return FACES / seconds;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
