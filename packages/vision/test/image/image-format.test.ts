import sharp from 'sharp';

import { sniffFormat } from '../../src/image/image-format';
import { describeIfData } from '../support/data';
import { heicContainer, LFW_FACE, readData } from './inputs';

describeIfData('sniffFormat on real encodings', LFW_FACE, () => {
  const jpeg = readData(LFW_FACE);

  it.each([
    ['png', () => sharp(jpeg).png().toBuffer()],
    ['webp', () => sharp(jpeg).webp().toBuffer()],
    ['gif', () => sharp(jpeg).gif().toBuffer()],
    ['tiff', () => sharp(jpeg).tiff().toBuffer()],
    ['avif', () => sharp(jpeg).avif().toBuffer()],
  ])('recognises %s', async (format, encode) => {
    expect(sniffFormat(await encode())).toBe(format);
  });

  it('recognises JPEG and HEIC', () => {
    expect(sniffFormat(jpeg)).toBe('jpeg');
    expect(sniffFormat(heicContainer(64, 64))).toBe('heic');
  });
});

describe('sniffFormat on signatures alone', () => {
  it.each([
    ['svg', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['pdf', '%PDF-1.7\n'],
    ['psd', '8BPS\u0000\u0001'],
  ])('recognises %s', (format, text) => {
    expect(sniffFormat(Buffer.from(text, 'latin1'))).toBe(format);
  });

  it('leaves text and short inputs unrecognised', () => {
    expect(sniffFormat(Buffer.from('Attendance list'))).toBeUndefined();
    expect(sniffFormat(new Uint8Array([0xff]))).toBeUndefined();
    expect(sniffFormat(new Uint8Array())).toBeUndefined();
  });
});
