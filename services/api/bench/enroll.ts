/**
 * Prints enrollment ms per photo through `POST /v1/people/:id/faces` (app.inject, the
 * in-process vision client, the Redis at REDIS_URL under a random prefix deleted after):
 * COUNT LFW photos of different people, one per request, against a registry that grows to
 * COUNT samples, and the vision call alone for the same photos.
 * Usage: pnpm --filter @rollcall/api bench [count]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { analyzerIfPresent } from '../test/support/analyzer';
import { multipart } from '../test/support/multipart';
import { startTestApp } from '../test/support/test-app';
import { InProcessVisionClient } from '../src/vision/in-process-vision';
import { dataPath } from '../../../packages/vision/test/support/data';

const COUNT = Number(process.argv[2] ?? 30);

function lfwPhotos(count: number): string[] {
  const root = dataPath('lfw-deepfunneled/images');
  return readdirSync(root)
    .sort()
    .filter((_, i) => i % 50 === 0)
    .slice(0, count)
    .map((name) => path.join(root, name, `${name}_0001.jpg`));
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main(): Promise<void> {
  const analyzer = await analyzerIfPresent();
  if (analyzer === undefined) return;
  const vision = new InProcessVisionClient(analyzer);
  const t = await startTestApp({ vision });
  const authorization = t.auth;

  try {
    const photos = lfwPhotos(COUNT).map((file) => readFileSync(file));
    await vision.detectAndEmbed(photos[0] as Buffer, 8);

    const visionMs: number[] = [];
    for (const bytes of photos) {
      const start = performance.now();
      await vision.detectAndEmbed(bytes, 8);
      visionMs.push(performance.now() - start);
    }

    const enrollMs: number[] = [];
    let accepted = 0;
    for (const [i, bytes] of photos.entries()) {
      const person = await t.app.inject({
        method: 'POST',
        url: '/v1/people',
        headers: { authorization },
        payload: { name: `Bench ${i}` },
      });
      const { payload, headers } = multipart([{ filename: `${i}.jpg`, content: bytes }]);
      const start = performance.now();
      const reply = await t.app.inject({
        method: 'POST',
        url: `/v1/people/${person.json<{ id: string }>().id}/faces`,
        headers: { ...headers, authorization },
        payload,
      });
      enrollMs.push(performance.now() - start);
      accepted += reply.json<{ accepted: unknown[] }>().accepted.length;
    }

    const line = (what: string, ms: number[]) =>
      `${what.padEnd(26)} median ${quantile(ms, 0.5).toFixed(0)} ms, p90 ` +
      `${quantile(ms, 0.9).toFixed(0)} ms`;
    console.log(`pack ${analyzer.pack.manifest.name}, ${photos.length} LFW photos (250 x 250)`);
    console.log(line('vision (detect+embed)', visionMs));
    console.log(line('POST faces, one photo', enrollMs) + `, ${accepted} accepted`);
  } finally {
    await t.close();
    await analyzer.close();
  }
}

void main();
