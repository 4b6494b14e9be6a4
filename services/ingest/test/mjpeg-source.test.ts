import {
  describeIfVideos,
  HAMILTON_CLIP,
  startMjpegCamera,
  type MjpegCamera,
} from '../../../test/fixtures';
import { CameraSource } from '../src/sources/camera-source';
import { record } from './support/collect';
import { processExists, waitFor } from './support/wait';

describeIfVideos('CameraSource on an MJPEG (HTTP) camera', [HAMILTON_CLIP], () => {
  let camera: MjpegCamera;
  let source: CameraSource | undefined;

  beforeAll(async () => {
    camera = await startMjpegCamera({ video: HAMILTON_CLIP, fps: 10 });
  });

  afterEach(async () => {
    await source?.stop();
    source = undefined;
  });

  afterAll(async () => {
    await camera.close();
  });

  it('decodes the multipart JPEG stream into RGB frames', async () => {
    source = new CameraSource({
      cameraId: 'lobby',
      url: camera.url,
      fps: 5,
      width: 256,
      height: 144,
    });
    const { frames } = record(source);
    source.start();

    await waitFor('5 frames', () => frames.length >= 5, 20_000);
    const pid = source.status.pid ?? 0;
    expect(source.status.state).toBe('online');
    expect(frames[0]).toMatchObject({ cameraId: 'lobby', width: 256, height: 144 });
    expect(frames[0]?.data.length).toBe(256 * 144 * 3);
    expect(new Set(frames[0]?.data).size).toBeGreaterThan(50);

    await source.stop();
    expect(processExists(pid)).toBe(false);
  });

  it('reports an unknown path as CAMERA_STREAM_NOT_FOUND and retries', async () => {
    const url = camera.url.replace('video.mjpg', 'no-such-stream');
    source = new CameraSource({ cameraId: 'nowhere', url, backoffBaseMs: 100 });
    source.start();

    await waitFor('a second attempt', () => (source?.status.reconnects ?? 0) >= 1, 10_000);
    expect(source.status.lastError?.code).toBe('CAMERA_STREAM_NOT_FOUND');
    expect(source.status.state).not.toBe('stopped');
    expect(source.status.frames).toBe(0);
  });
});
