import sharp from 'sharp';

import { decodeImage } from '../../src/image/decode-image';
import { toGray } from '../../src/image/resize';
import type { RgbImage } from '../../src/image/rgb-image';
import { describeIfData } from '../support/data';
import { GROUP_PHOTO, LFW_FACE, meanAbsDiff, readData, tempFolder } from './inputs';

describeIfData('decodeImage on real photos', LFW_FACE, () => {
  const temp = tempFolder();
  const jpeg = readData(LFW_FACE);
  let original: RgbImage;
  let pixels: Buffer;

  beforeAll(async () => {
    original = await decodeImage(jpeg);
    pixels = await sharp(jpeg).raw().toBuffer();
  });
  afterAll(() => temp.remove());

  it('decodes a JPEG to 8-bit RGB, three bytes a pixel', () => {
    expect([original.width, original.height]).toEqual([250, 250]);
    expect(original.data).toBeInstanceOf(Uint8Array);
    expect(original.data.length).toBe(250 * 250 * 3);
    expect(spread(original)).toBeGreaterThan(20);
  });

  it('takes a plain Uint8Array as well as a Buffer', async () => {
    const decoded = await decodeImage(new Uint8Array(jpeg));
    expect(meanAbsDiff(decoded, original)).toBe(0);
  });

  it.each([
    ['png', () => sharp(pixels, raw250).png().toBuffer()],
    ['webp', () => sharp(pixels, raw250).webp({ lossless: true }).toBuffer()],
    ['tiff', () => sharp(pixels, raw250).tiff({ compression: 'lzw' }).toBuffer()],
  ])('decodes a lossless %s copy to the same pixels', async (format, encode) => {
    const copy = temp.roundTrip(`face.${format}`, await encode());
    const decoded = await decodeImage(copy);
    expect(meanAbsDiff(decoded, original)).toBe(0);
  });

  it('decodes only the first frame of an animated GIF', async () => {
    const negated = await sharp(jpeg).negate().raw().toBuffer();
    const frames = Buffer.concat([pixels, negated]);
    const gif = await sharp(frames, {
      raw: { width: 250, height: 500, channels: 3, pageHeight: 250 },
    })
      .gif()
      .toBuffer();
    const decoded = await decodeImage(temp.roundTrip('face.gif', gif));
    const second = { width: 250, height: 250, data: new Uint8Array(negated) };

    expect([decoded.width, decoded.height]).toEqual([250, 250]);
    expect(meanAbsDiff(decoded, original)).toBeLessThan(6);
    expect(meanAbsDiff(decoded, second)).toBeGreaterThan(50);
  });

  it('decodes an AVIF copy close to the original', async () => {
    const avif = temp.roundTrip('face.avif', await sharp(jpeg).avif({ quality: 80 }).toBuffer());
    const decoded = await decodeImage(avif);
    expect(meanAbsDiff(decoded, original)).toBeLessThan(5);
  });

  it('converts a CMYK JPEG back to RGB close to the original', async () => {
    const cmyk = await sharp(jpeg).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');

    const decoded = await decodeImage(temp.roundTrip('cmyk.jpg', cmyk));
    expect(decoded.data.length).toBe(250 * 250 * 3);
    expect(meanAbsDiff(decoded, original)).toBeLessThan(8);
  });

  it('turns a 16-bit PNG with alpha into 8-bit RGB', async () => {
    const png16 = await sharp(jpeg).ensureAlpha(1).toColourspace('rgb16').png().toBuffer();
    const metadata = await sharp(png16).metadata();
    expect([metadata.bitsPerSample, metadata.channels]).toEqual([16, 4]);

    const decoded = await decodeImage(temp.roundTrip('face16.png', png16));
    expect(decoded.data.length).toBe(250 * 250 * 3);
    expect(meanAbsDiff(decoded, original)).toBeLessThan(1);
  });

  it('flattens half-transparent pixels onto the neutral background', async () => {
    const rgba = await sharp(jpeg).ensureAlpha(0.5).png().toBuffer();
    const decoded = await decodeImage(temp.roundTrip('half.png', rgba));
    const expected = original.data.map((v) => Math.round(v / 2 + 64));
    expect(meanAbsDiff(decoded, { ...original, data: expected })).toBeLessThan(1.5);
  });

  it('gives a grayscale copy three equal channels matching the luma', async () => {
    const gray = await sharp(jpeg).toColourspace('b-w').png().toBuffer();
    expect((await sharp(gray).metadata()).channels).toBe(1);

    const decoded = await decodeImage(temp.roundTrip('gray.png', gray));
    const luma = toGray(original);
    let unequal = 0;
    let lumaError = 0;
    for (let i = 0; i < luma.length; i++) {
      const [r, g, b] = decoded.data.subarray(i * 3, i * 3 + 3);
      if (r !== g || g !== b) unequal++;
      lumaError += Math.abs((g as number) - (luma[i] as number));
    }
    expect(unequal).toBe(0);
    expect(lumaError / luma.length).toBeLessThan(3);
  });
});

describeIfData('decodeImage and EXIF orientation', GROUP_PHOTO, () => {
  const temp = tempFolder();
  let upright: Buffer;
  let original: RgbImage;

  beforeAll(async () => {
    // A non-square image, so a width/height swap that is not undone shows.
    upright = await sharp(readData(GROUP_PHOTO)).resize(480, 320).png().toBuffer();
    original = await decodeImage(upright);
  });
  afterAll(() => temp.remove());

  it.each([
    [6, 270],
    [8, 90],
    [3, 180],
  ])('applies orientation %i (pixels stored turned %i degrees)', async (orientation, turn) => {
    const stored = await sharp(upright)
      .rotate(turn)
      .withMetadata({ orientation })
      .jpeg({ quality: 95 })
      .toBuffer();
    const decoded = await decodeImage(temp.roundTrip(`turned-${orientation}.jpg`, stored));

    expect([decoded.width, decoded.height]).toEqual([480, 320]);
    expect(meanAbsDiff(decoded, original)).toBeLessThan(4);
  });

  it('shrinks to maxSide while decoding, keeping the aspect ratio', async () => {
    const decoded = await decodeImage(readData(GROUP_PHOTO), { maxSide: 640 });
    expect([decoded.width, decoded.height]).toEqual([640, 427]);
  });
});

const raw250 = { raw: { width: 250, height: 250, channels: 3 as const } };

/** Standard deviation of the green channel: a flat grey or black image scores near 0. */
function spread(image: RgbImage): number {
  let sum = 0;
  let squares = 0;
  const n = image.width * image.height;
  for (let i = 1; i < image.data.length; i += 3) {
    sum += image.data[i] as number;
    squares += (image.data[i] as number) ** 2;
  }
  return Math.sqrt(squares / n - (sum / n) ** 2);
}
