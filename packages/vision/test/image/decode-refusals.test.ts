import sharp from 'sharp';

import { isRollcallError, type ErrorCode } from '@rollcall/errors';

import { decodeImage } from '../../src/image/decode-image';
import type { DecodeOptions } from '../../src/image/decode-options';
import { describeIfData } from '../support/data';
import { bmpOf } from './bmp';
import { LFW_FACE, heicContainer, pngWithClaimedSize, readData, tempFolder } from './inputs';

/** The RollcallError a decode is refused with; fails the test if it decodes or crashes. */
async function refusal(input: Uint8Array, options?: DecodeOptions) {
  const outcome = await decodeImage(input, options).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isRollcallError(outcome))
    throw new Error(`expected a RollcallError, got ${String(outcome)}`);
  return outcome;
}

function expectRefused(
  err: { code: ErrorCode; details: Readonly<Record<string, unknown>> | undefined },
  code: ErrorCode,
  details: Record<string, unknown> = {},
): void {
  expect(err.code).toBe(code);
  expect(err.details ?? {}).toMatchObject(details);
}

describe('decodeImage refusals without data', () => {
  it('refuses an empty file', async () => {
    expectRefused(await refusal(new Uint8Array(0)), 'IMAGE_EMPTY');
  });

  it('refuses a text file named .jpg as unreadable', async () => {
    const temp = tempFolder();
    const text = temp.roundTrip('notes.jpg', Buffer.from('Attendance list for Monday\n'));
    temp.remove();
    expectRefused(await refusal(text), 'IMAGE_UNREADABLE');
  });

  it('refuses a PNG header claiming 20000 x 20000 before decoding it', async () => {
    const bomb = pngWithClaimedSize(20_000, 20_000);
    expect(bomb.length).toBeLessThan(200);
    expectRefused(await refusal(bomb), 'IMAGE_TOO_LARGE', {
      format: 'png',
      width: 20_000,
      height: 20_000,
      maxPixels: 50_000_000,
    });
  });

  it('refuses an SVG: vector drawings are not accepted as photos', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"/>');
    expectRefused(await refusal(svg), 'IMAGE_UNSUPPORTED_FORMAT', { format: 'svg' });
  });

  it('refuses options that make no sense', async () => {
    const png = pngWithClaimedSize(64, 64);
    expectRefused(await refusal(png, { maxPixels: 0 }), 'INVALID_ARGUMENT');
    expectRefused(await refusal(png, { minSide: 1.5 }), 'INVALID_ARGUMENT');
    expectRefused(await refusal(png, { alphaBackground: [0, 0, 300] }), 'INVALID_ARGUMENT');
  });
});

describeIfData('decodeImage refusals built from a real photo', LFW_FACE, () => {
  const temp = tempFolder();
  const jpeg = readData(LFW_FACE);
  afterAll(() => temp.remove());

  it('refuses a truncated JPEG instead of filling the rest with grey', async () => {
    const half = temp.roundTrip('half.jpg', jpeg.subarray(0, jpeg.length >> 1));
    expectRefused(await refusal(half), 'IMAGE_UNREADABLE', {
      format: 'jpeg',
      width: 250,
      height: 250,
    });
  });

  it('refuses a 1 x 1 image as too small', async () => {
    const dot = await sharp(jpeg).resize(1, 1).png().toBuffer();
    expectRefused(await refusal(temp.roundTrip('dot.png', dot)), 'IMAGE_TOO_SMALL', {
      width: 1,
      height: 1,
      minSide: 16,
    });
  });

  it('refuses a thin strip under minSide but accepts it with a lower minSide', async () => {
    const strip = await sharp(jpeg).resize(250, 12).png().toBuffer();
    expectRefused(await refusal(strip), 'IMAGE_TOO_SMALL', { width: 250, height: 12 });
    await expect(decodeImage(strip, { minSide: 12 })).resolves.toMatchObject({ height: 12 });
  });

  it('honours a lower maxPixels', async () => {
    expectRefused(await refusal(jpeg, { maxPixels: 250 * 249 }), 'IMAGE_TOO_LARGE', {
      width: 250,
      height: 250,
    });
    await expect(decodeImage(jpeg, { maxPixels: 250 * 250 })).resolves.toMatchObject({
      width: 250,
    });
  });

  it('refuses a BMP, which this build cannot decode, as unsupported', async () => {
    const pixels = await sharp(jpeg).raw().toBuffer();
    const bmp = temp.roundTrip('face.bmp', bmpOf(pixels, 250, 250));
    expectRefused(await refusal(bmp), 'IMAGE_UNSUPPORTED_FORMAT', { format: 'bmp' });
  });

  it('refuses a truncated PNG and a truncated WebP', async () => {
    const png = await sharp(jpeg).png().toBuffer();
    const webp = await sharp(jpeg).webp().toBuffer();
    const cut = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.6));
    expectRefused(await refusal(cut(png)), 'IMAGE_UNREADABLE', { format: 'png' });
    expectRefused(await refusal(cut(webp)), 'IMAGE_UNREADABLE');
  });

  it('answers every corrupted copy with pixels or a RollcallError, never a crash', async () => {
    let seed = 20_261_204;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const codes = new Set<string>();

    for (let round = 0; round < 40; round++) {
      const copy = Buffer.from(jpeg.subarray(0, Math.max(1, Math.floor(jpeg.length * random()))));
      for (let k = 0; k < 8; k++) copy[Math.floor(random() * copy.length)] = random() * 256;
      const outcome = await decodeImage(copy).then(
        (image) => image,
        (err: unknown) => err,
      );
      if (isRollcallError(outcome)) codes.add(outcome.code);
      else expect(outcome).toMatchObject({ width: expect.any(Number) as number });
    }
    expect([...codes].every((code) => code.startsWith('IMAGE_'))).toBe(true);
    expect(codes.has('IMAGE_UNREADABLE')).toBe(true);
  });
});

describe('HEIC', () => {
  let hevcBuiltIn = false;
  beforeAll(async () => {
    // An HEVC encoder in this libheif implies its decoder; sharp's prebuilt one has neither.
    hevcBuiltIn = await sharp({
      create: { width: 16, height: 16, channels: 3, background: '#888' },
    })
      .heif({ compression: 'hevc' })
      .toBuffer()
      .then(
        () => true,
        () => false,
      );
  });

  it('is refused as unsupported where libheif has no HEVC decoder', async () => {
    if (hevcBuiltIn) {
      console.warn('skipped: this libheif decodes HEVC, so HEIC is not refused here');
      return;
    }
    expectRefused(await refusal(heicContainer(640, 480)), 'IMAGE_UNSUPPORTED_FORMAT', {
      format: 'heic',
      width: 640,
      height: 480,
    });
  });
});
