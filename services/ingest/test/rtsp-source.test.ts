import {
  describeIfVideos,
  HAMILTON_CLIP,
  startRtspCamera,
  type RtspCamera,
} from '../../../test/fixtures';
import { CameraSource } from '../src/sources/camera-source';
import { record } from './support/collect';
import { processExists, waitFor } from './support/wait';

describeIfVideos('CameraSource on an RTSP camera', [HAMILTON_CLIP], () => {
  let camera: RtspCamera;
  let source: CameraSource | undefined;

  beforeAll(async () => {
    camera = await startRtspCamera({ video: HAMILTON_CLIP });
  });

  afterEach(async () => {
    await source?.stop();
    source = undefined;
  });

  afterAll(async () => {
    await camera.close();
  });

  it('pulls frames over TCP', async () => {
    source = new CameraSource({
      cameraId: 'door',
      url: camera.url,
      fps: 5,
      width: 320,
      height: 180,
    });
    const { frames } = record(source);
    source.start();

    await waitFor('5 frames', () => frames.length >= 5, 20_000);
    expect(source.status.state).toBe('online');
    const [first, second] = frames;
    expect(first).toMatchObject({ cameraId: 'door', seq: 0, width: 320, height: 180 });
    expect(first?.data.length).toBe(320 * 180 * 3);
    expect(second?.capturedAt).toBeGreaterThanOrEqual(first?.capturedAt ?? Infinity);
    // A real picture: not one flat colour.
    expect(new Set(first?.data).size).toBeGreaterThan(50);
  });

  it('goes offline when the camera drops and delivers again when it is back', async () => {
    source = new CameraSource({
      cameraId: 'hall',
      url: camera.url,
      fps: 5,
      width: 160,
      height: 90,
      ioTimeoutMs: 2_000,
      backoffBaseMs: 200,
      backoffMaxMs: 1_000,
    });
    const { frames, statuses } = record(source);
    source.start();
    await waitFor('frames before the drop', () => frames.length >= 3, 20_000);

    await camera.stopPublisher();
    const offline = await waitFor(
      'the offline status',
      () => statuses.find((status) => status.state === 'offline'),
      15_000,
    );
    expect(offline.lastError?.code).toMatch(
      /^(CAMERA_STREAM_ENDED|CAMERA_STREAM_NOT_FOUND|CAMERA_UNREACHABLE)$/,
    );
    await waitFor('a reconnect attempt', () => (source?.status.reconnects ?? 0) > 0, 10_000);
    const framesWhileDown = frames.length;

    await camera.startPublisher();
    await waitFor(
      'frames after the camera is back',
      () => frames.length >= framesWhileDown + 3,
      30_000,
    );
    const status = source.status;
    expect(status.state).toBe('online');
    expect(status.reconnects).toBeGreaterThan(0);
    expect(status.lastError).toBeDefined();
    expect(frames.map((frame) => frame.seq)).toEqual(frames.map((_, i) => i));
  });

  it('stops without leaving ffmpeg behind', async () => {
    source = new CameraSource({
      cameraId: 'gate',
      url: camera.url,
      fps: 5,
      width: 160,
      height: 90,
    });
    const { frames } = record(source);
    source.start();
    await waitFor('a frame', () => frames.length >= 1, 20_000);
    const pid = source.status.pid ?? 0;
    expect(processExists(pid)).toBe(true);

    await source.stop();
    expect(source.status).toMatchObject({ state: 'stopped' });
    expect(source.status.pid).toBeUndefined();
    expect(processExists(pid)).toBe(false);
  });
});
