import sharp from 'sharp';

import { isRollcallError } from '@rollcall/errors';

import { probeImage } from '../../src/image/probe-image';
import { describeIfData } from '../support/data';
import { GROUP_PHOTO, heicContainer, pngWithClaimedSize, readData } from './inputs';

describe('probeImage on built headers', () => {
  it('reads the claimed size of a bomb without decoding it', async () => {
    const probe = await probeImage(pngWithClaimedSize(20_000, 20_000));
    expect(probe).toMatchObject({ format: 'png', width: 20_000, height: 20_000, orientation: 1 });
  });

  it('tells a HEIC from an AVIF and reads its size', async () => {
    expect(await probeImage(heicContainer(640, 480))).toMatchObject({
      format: 'heic',
      width: 640,
      height: 480,
    });
  });

  it('refuses an empty input and a non-image', async () => {
    const empty = await probeImage(new Uint8Array()).catch((err: unknown) => err);
    const text = await probeImage(Buffer.from('just text')).catch((err: unknown) => err);
    expect(isRollcallError(empty, 'IMAGE_EMPTY')).toBe(true);
    expect(isRollcallError(text, 'IMAGE_UNREADABLE')).toBe(true);
  });
});

describeIfData('probeImage on a real photo', GROUP_PHOTO, () => {
  const photo = readData(GROUP_PHOTO);

  it('reads format, size and orientation from the header', async () => {
    expect(await probeImage(photo)).toMatchObject({
      format: 'jpeg',
      width: 1920,
      height: 1280,
      orientation: 1,
      uprightWidth: 1920,
      hasAlpha: false,
      colourSpace: 'srgb',
      bitsPerSample: 8,
    });
  });

  it('reports an EXIF rotation and the upright size it gives', async () => {
    const turned = await sharp(photo).resize(300, 200).withMetadata({ orientation: 6 }).toBuffer();
    expect(await probeImage(turned)).toMatchObject({
      width: 300,
      height: 200,
      orientation: 6,
      uprightWidth: 200,
      uprightHeight: 300,
    });
  });

  it('counts the frames of an animation', async () => {
    const frames = await sharp(photo).resize(64, 128).raw().toBuffer();
    const gif = await sharp(frames, {
      raw: { width: 64, height: 128, channels: 3, pageHeight: 64 },
    })
      .gif()
      .toBuffer();
    expect(await probeImage(gif)).toMatchObject({ format: 'gif', width: 64, height: 64, pages: 2 });
  });
});
