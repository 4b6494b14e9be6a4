import { chooseThreshold } from '../src/service/choose-threshold';

describe('chooseThreshold', () => {
  const camera = (cameraId: string) => Promise.resolve(cameraId === 'vault' ? 0.9 : undefined);

  it("takes the camera's, else the site's, else the pack's", async () => {
    const site = { camera, settings: () => Promise.resolve(0.6), pack: 0.4 };
    const noSite = { camera, settings: () => Promise.resolve(null), pack: 0.4 };

    expect(await chooseThreshold('vault', site)).toBe(0.9);
    expect(await chooseThreshold('hall', site)).toBe(0.6);
    expect(await chooseThreshold('hall', noSite)).toBe(0.4);
    expect(await chooseThreshold('vault', { pack: 0.4 })).toBe(0.4);
  });

  it('asks for no camera when the face names none', async () => {
    const asked: string[] = [];
    const recording = (id: string) => {
      asked.push(id);
      return Promise.resolve(0.9);
    };

    expect(await chooseThreshold('', { camera: recording, pack: 0.4 })).toBe(0.4);
    expect(asked).toEqual([]);
  });
});
