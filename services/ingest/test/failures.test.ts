import net from 'node:net';
import path from 'node:path';

import { isRollcallError } from '@rollcall/errors';

import { freeLoopbackPort } from '../../../test/fixtures';
import { CameraSource } from '../src/sources/camera-source';
import type { CameraStatus } from '../src/sources/camera-status';
import { waitFor } from './support/wait';

const sources: CameraSource[] = [];

function startSource(options: ConstructorParameters<typeof CameraSource>[0]): CameraSource {
  const source = new CameraSource({ backoffBaseMs: 100, backoffMaxMs: 500, ...options });
  sources.push(source);
  source.start();
  return source;
}

function waitForError(source: CameraSource, timeoutMs = 15_000): Promise<CameraStatus> {
  return waitFor('a lastError', () => source.status.lastError && source.status, timeoutMs);
}

afterEach(async () => {
  await Promise.all(sources.splice(0).map((source) => source.stop()));
});

describe('CameraSource failures', () => {
  it('throws CAMERA_URL_INVALID for a URL it cannot use, before any ffmpeg starts', () => {
    for (const url of ['', 'ftp://cam/x', 'rtsp://', 'v4l2:///dev/sda']) {
      let caught: unknown;
      try {
        new CameraSource({ cameraId: 'bad', url });
      } catch (error) {
        caught = error;
      }
      expect([url, isRollcallError(caught, 'CAMERA_URL_INVALID')]).toEqual([url, true]);
    }
  });

  it('throws CONFIG_INVALID listing every bad option', () => {
    let caught: unknown;
    try {
      new CameraSource({ cameraId: 'bad', url: 'rtsp://cam/s', fps: 0, width: 1.5, height: -1 });
    } catch (error) {
      caught = error;
    }
    expect(isRollcallError(caught, 'CONFIG_INVALID')).toBe(true);
    expect((caught as Error).message).toMatch(/fps.*width.*height/);
  });

  it('reports a closed RTSP port as CAMERA_UNREACHABLE and keeps retrying', async () => {
    const port = await freeLoopbackPort();
    const source = startSource({ cameraId: 'closed', url: `rtsp://127.0.0.1:${port}/s` });

    const status = await waitForError(source);
    expect(status.lastError?.code).toBe('CAMERA_UNREACHABLE');
    await waitFor('retries', () => source.status.reconnects >= 2, 10_000);
    expect(source.status.state).not.toBe('stopped');
  });

  it('reports a closed HTTP port as CAMERA_UNREACHABLE', async () => {
    const port = await freeLoopbackPort();
    const source = startSource({ cameraId: 'closed-http', url: `http://127.0.0.1:${port}/v.mjpg` });
    expect((await waitForError(source)).lastError?.code).toBe('CAMERA_UNREACHABLE');
  });

  describe('against a server that accepts and never answers', () => {
    let server: net.Server;
    let port: number;
    const held = new Set<net.Socket>();

    beforeAll(async () => {
      server = net.createServer((socket) => held.add(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });

    afterAll(async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('notices through the RTSP socket timeout (CAMERA_UNREACHABLE)', async () => {
      const url = `rtsp://127.0.0.1:${port}/s`;
      const source = startSource({ cameraId: 'silent', url, ioTimeoutMs: 1_000 });
      const status = await waitForError(source);
      expect(status.lastError?.code).toBe('CAMERA_UNREACHABLE');
      expect(status.lastError?.message).toMatch(/no answer within 1000 ms/);
    });

    it('restarts ffmpeg when no frame comes (CAMERA_STREAM_STALLED)', async () => {
      const url = `rtsp://127.0.0.1:${port}/s`;
      const source = startSource({
        cameraId: 'stuck',
        url,
        ioTimeoutMs: 60_000,
        stallTimeoutMs: 1_000,
      });
      const status = await waitForError(source);
      expect(status.lastError?.code).toBe('CAMERA_STREAM_STALLED');
      expect(status.state).toBe('offline');
    });
  });

  it('reports an absent V4L2 device as CAMERA_UNREACHABLE and keeps retrying', async () => {
    // Only the missing-device path runs here: this machine has no capture device.
    const source = startSource({ cameraId: 'usb', url: 'v4l2:///dev/video97' });
    const status = await waitForError(source);
    expect(status.lastError?.code).toBe('CAMERA_UNREACHABLE');
    expect(status.lastError?.message).toContain('/dev/video97');
    await waitFor('a retry', () => source.status.reconnects >= 1, 10_000);
  });

  it('stops for good on a file that is not a video (CAMERA_STREAM_INVALID)', async () => {
    const notVideo = path.resolve(__dirname, '..', 'package.json');
    const source = startSource({ cameraId: 'text', url: notVideo });
    const status = await waitFor(
      'stopped',
      () => source.status.state === 'stopped' && source.status,
      15_000,
    );
    expect(status.lastError?.code).toBe('CAMERA_STREAM_INVALID');
    expect(status.reconnects).toBe(0);
  });

  it('stops for good on a file that is not there (CAMERA_UNREACHABLE)', async () => {
    const source = startSource({ cameraId: 'gone', url: '/no/such/video.mp4' });
    const status = await waitFor(
      'stopped',
      () => source.status.state === 'stopped' && source.status,
      15_000,
    );
    expect(status.lastError?.code).toBe('CAMERA_UNREACHABLE');
  });

  it('stops for good when ffmpeg is missing (FFMPEG_NOT_FOUND)', async () => {
    const source = startSource({
      cameraId: 'no-ffmpeg',
      url: 'rtsp://127.0.0.1:9/s',
      ffmpegPath: '/no/such/ffmpeg',
    });
    const status = await waitFor(
      'stopped',
      () => source.status.state === 'stopped' && source.status,
      5_000,
    );
    expect(status.lastError?.code).toBe('FFMPEG_NOT_FOUND');
  });
});
