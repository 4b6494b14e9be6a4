/**
 * Decode timings, printed, not asserted: a 250 x 250 LFW JPEG, a 1920 x 1280 photo as JPEG,
 * PNG, WebP and AVIF, and the same JPEG shrunk on load to 640 px.
 * Run: `pnpm exec tsx packages/vision/test/image/decode-bench.ts`
 */
import sharp from 'sharp';

import { decodeImage } from '../../src/image/decode-image';
import type { DecodeOptions } from '../../src/image/decode-options';
import { probeImage } from '../../src/image/probe-image';
import { GROUP_PHOTO, LFW_FACE, readData } from './inputs';

async function time(label: string, run: () => Promise<unknown>, rounds: number): Promise<void> {
  for (let i = 0; i < 3; i++) await run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
  console.log(`${label.padEnd(44)} ${ms.toFixed(2)} ms`);
}

async function main(): Promise<void> {
  sharp.concurrency(1); // one libvips thread: figures comparable across machines
  const face = readData(LFW_FACE);
  const photo = readData(GROUP_PHOTO);
  const copies: [string, Buffer][] = [
    ['JPEG', photo],
    ['PNG', await sharp(photo).png().toBuffer()],
    ['WebP', await sharp(photo).webp().toBuffer()],
    ['AVIF', await sharp(photo).avif().toBuffer()],
  ];
  const decode = (bytes: Buffer, options?: DecodeOptions) => () => decodeImage(bytes, options);

  await time('probe 1920 x 1280 JPEG (header only)', () => probeImage(photo), 50);
  await time('decode 250 x 250 LFW JPEG', decode(face), 100);
  for (const [format, bytes] of copies) {
    await time(`decode 1920 x 1280 ${format}`, decode(bytes), format === 'AVIF' ? 5 : 20);
  }
  await time('decode 1920 x 1280 JPEG, maxSide 640', decode(photo, { maxSide: 640 }), 20);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
