import sharp from 'sharp';

import { decodeImage } from '../../src/image/decode-image';
import { iccDescription, isSrgbDescription } from '../../src/image/icc-profile';
import { probeImage } from '../../src/image/probe-image';
import { describeIfData } from '../support/data';
import { GROUP_PHOTO, meanAbsDiff, readData } from './inputs';

describeIfData('embedded ICC profiles', GROUP_PHOTO, () => {
  const photo = readData(GROUP_PHOTO);

  it('reads the description of the sRGB profile a camera embedded', async () => {
    const { icc } = await sharp(photo).metadata();
    expect(icc).toBeDefined();
    expect(iccDescription(icc as Buffer)).toBe('sRGB IEC61966-2.1');
    expect((await probeImage(photo)).iccProfile).toBe('sRGB IEC61966-2.1');
  });

  it('decodes an sRGB-tagged photo to the same pixels as full colour management', async () => {
    const tagged = await sharp(photo).resize(480, 320).keepIccProfile().jpeg().toBuffer();
    expect((await probeImage(tagged)).iccProfile).toBe('sRGB IEC61966-2.1');
    const managed = await sharp(tagged).raw().toBuffer({ resolveWithObject: true });
    const decoded = await decodeImage(tagged);
    const reference = { width: managed.info.width, height: managed.info.height };
    expect(meanAbsDiff(decoded, { ...reference, data: managed.data })).toBe(0);
  });

  it('still converts a photo tagged with another profile (Display P3)', async () => {
    const small = await sharp(photo).resize(480, 320).png().toBuffer();
    const original = await decodeImage(small);
    const p3 = await sharp(small).withIccProfile('p3').png().toBuffer();
    expect(isSrgbDescription((await probeImage(p3)).iccProfile)).toBe(false);

    const converted = await decodeImage(p3);
    const unconverted = await sharp(p3, { ignoreIcc: true }).removeAlpha().raw().toBuffer();
    const asTagged = { ...original, data: new Uint8Array(unconverted) };
    expect(meanAbsDiff(converted, original)).toBeLessThan(meanAbsDiff(asTagged, original));
  });
});

describe('isSrgbDescription', () => {
  it.each([
    ['sRGB IEC61966-2.1', true],
    ['sRGB', true],
    ['sRGB built-in', true],
    ['Display P3', false],
    ['Adobe RGB (1998)', false],
    [undefined, false],
  ])('%s -> %s', (description, expected) => {
    expect(isSrgbDescription(description)).toBe(expected);
  });
});
