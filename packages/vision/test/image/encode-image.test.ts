import { isRollcallError } from '@rollcall/errors';

import { decodeImage } from '../../src/image/decode-image';
import { encodeJpeg, encodePng } from '../../src/image/encode-image';
import { sniffFormat } from '../../src/image/image-format';
import type { RgbImage } from '../../src/image/rgb-image';
import { describeIfData } from '../support/data';
import { LFW_FACE, meanAbsDiff, readData } from './inputs';

describeIfData('encodeJpeg and encodePng', LFW_FACE, () => {
  let face: RgbImage;
  beforeAll(async () => {
    face = await decodeImage(readData(LFW_FACE));
  });

  it('writes a PNG that decodes back to the same pixels', async () => {
    const png = await encodePng(face);
    expect(sniffFormat(png)).toBe('png');
    expect(meanAbsDiff(await decodeImage(png), face)).toBe(0);
  });

  it('writes a JPEG close to the pixels, smaller at lower quality', async () => {
    const fine = await encodeJpeg(face);
    const coarse = await encodeJpeg(face, 40);
    expect(sniffFormat(fine)).toBe('jpeg');
    expect(meanAbsDiff(await decodeImage(fine), face)).toBeLessThan(3);
    expect(coarse.length).toBeLessThan(fine.length);
  });

  it('refuses a quality outside 1..100 and pixels of the wrong length', async () => {
    const badQuality = await encodeJpeg(face, 0).catch((err: unknown) => err);
    expect(isRollcallError(badQuality, 'INVALID_ARGUMENT')).toBe(true);

    const short = { ...face, data: face.data.subarray(1) };
    const badData = await encodePng(short).catch((err: unknown) => err);
    expect(isRollcallError(badData, 'IMAGE_RAW_SIZE_MISMATCH')).toBe(true);
  });
});
