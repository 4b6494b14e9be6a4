import { canvasSize, letterboxInput } from '../../src/detect/letterbox-input';
import type { RgbImage } from '../../src/image/rgb-image';
import type { NormalisationSpec } from '../../src/packs/manifest';

const norm: NormalisationSpec = { mean: [0, 0, 0], std: [1, 1, 1], colorOrder: 'rgb' };

function grey(width: number, height: number, value = 100): RgbImage {
  return { width, height, data: new Uint8Array(width * height * 3).fill(value) };
}

describe('letterboxed detector input', () => {
  it('enlarges a small image to the input size unless maxScale caps it', () => {
    const lfw = grey(250, 250);
    expect(canvasSize(lfw, [640, 640], true)).toEqual([640, 640]);
    expect(canvasSize(lfw, [640, 640], true, 1)).toEqual([256, 256]);
    expect(canvasSize(lfw, [640, 640], true, 2)).toEqual([512, 512]);
  });

  it('shrinks a large image the same with or without maxScale', () => {
    const photo = grey(1280, 720);
    expect(canvasSize(photo, [640, 640], true, 1)).toEqual(canvasSize(photo, [640, 640], true));
    expect(canvasSize(photo, [640, 640], true, 1)).toEqual([640, 384]);
  });

  it('keeps a fixed-size canvas and pads a capped image bottom-right', () => {
    expect(canvasSize(grey(250, 250), [640, 640], false, 1)).toEqual([640, 640]);

    const { data, letterbox } = letterboxInput(grey(250, 250), 640, 640, norm, 1);
    expect(letterbox.scale).toBe(1);
    const plane = 640 * 640;
    expect(data[100 * 640 + 100]).toBeCloseTo(100, 4); // inside the image
    expect(data[300 * 640 + 300]).toBe(0); // padding
    expect(data.length).toBe(3 * plane);
  });
});
