import { isRollcallError } from '@rollcall/errors';

import { decodeImage } from '../../src/image/decode-image';
import { rgbFromRaw } from '../../src/image/raw-frame';
import { toGray } from '../../src/image/resize';
import type { RgbImage } from '../../src/image/rgb-image';
import { describeIfData } from '../support/data';
import { LFW_FACE, readData } from './inputs';

describeIfData('rgbFromRaw on a real frame', LFW_FACE, () => {
  let face: RgbImage;
  beforeAll(async () => {
    face = await decodeImage(readData(LFW_FACE));
  });

  it('wraps rgb24 without copying', () => {
    const frame = rgbFromRaw(face.data, 250, 250, 'rgb24');
    expect(frame.data).toBe(face.data);
  });

  it('swaps bgr24 into RGB order', () => {
    const bgr = new Uint8Array(face.data.length);
    for (let i = 0; i < bgr.length; i += 3) {
      bgr[i] = face.data[i + 2] as number;
      bgr[i + 1] = face.data[i + 1] as number;
      bgr[i + 2] = face.data[i] as number;
    }
    const frame = rgbFromRaw(bgr, 250, 250, 'bgr24');
    expect(Buffer.compare(frame.data, face.data)).toBe(0);
  });

  it('spreads gray8 over three channels', () => {
    const gray = Uint8Array.from(toGray(face), (v) => Math.round(v));
    const frame = rgbFromRaw(gray, 250, 250, 'gray8');
    expect(frame.data.length).toBe(250 * 250 * 3);
    expect(frame.data.subarray(300, 303)).toEqual(new Uint8Array(3).fill(gray[100] as number));
  });

  it('refuses a frame with the wrong number of bytes', () => {
    const short = face.data.subarray(0, face.data.length - 3);
    expect(() => rgbFromRaw(short, 250, 250, 'rgb24')).toThrow(
      expect.objectContaining({ code: 'IMAGE_RAW_SIZE_MISMATCH' }) as Error,
    );
    const caught = catchError(() => rgbFromRaw(face.data, 250, 250, 'gray8'));
    expect(isRollcallError(caught, 'IMAGE_RAW_SIZE_MISMATCH')).toBe(true);
    expect(caught).toMatchObject({ details: { expected: 62_500, actual: 187_500 } });
  });

  it('refuses a size that is not a positive integer', () => {
    const caught = catchError(() => rgbFromRaw(face.data, 0, 250, 'rgb24'));
    expect(isRollcallError(caught, 'INVALID_ARGUMENT')).toBe(true);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}
