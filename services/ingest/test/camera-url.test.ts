import path from 'node:path';

import { isRollcallError } from '@rollcall/errors';

import { parseCameraUrl, redactUrl } from '../src/input/camera-url';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isRollcallError(error) ? error.code : 'not a RollcallError';
  }
}

describe('parseCameraUrl', () => {
  it('recognises each kind of camera', () => {
    expect(parseCameraUrl('rtsp://user:pw@10.0.0.5:554/stream1')).toEqual({
      kind: 'rtsp',
      url: 'rtsp://user:pw@10.0.0.5:554/stream1',
    });
    expect(parseCameraUrl('rtsps://cam.local/live').kind).toBe('rtsp');
    expect(parseCameraUrl('http://cam.local/video.mjpg').kind).toBe('http');
    expect(parseCameraUrl('https://cam.local/video.mjpg').kind).toBe('http');
    expect(parseCameraUrl('file:///srv/videos/door.mp4')).toEqual({
      kind: 'file',
      path: '/srv/videos/door.mp4',
    });
    expect(parseCameraUrl('videos/door.mp4')).toEqual({
      kind: 'file',
      path: path.resolve('videos/door.mp4'),
    });
    expect(parseCameraUrl('/dev/video2')).toEqual({ kind: 'v4l2', device: '/dev/video2' });
    expect(parseCameraUrl('v4l2:///dev/video0')).toEqual({ kind: 'v4l2', device: '/dev/video0' });
  });

  it('refuses what ffmpeg should never be handed, with CAMERA_URL_INVALID', () => {
    for (const bad of [
      '',
      '   ',
      'ftp://cam/x',
      'rtsp://',
      'http://',
      'v4l2:///dev/sda',
      'rtmp://x/y',
    ]) {
      expect([bad, codeOf(() => parseCameraUrl(bad))]).toEqual([bad, 'CAMERA_URL_INVALID']);
    }
  });

  it('keeps passwords out of its error messages', () => {
    try {
      parseCameraUrl('gopher://admin:hunter2@cam/x');
      throw new Error('expected a throw');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('hunter2');
    }
  });
});

describe('redactUrl', () => {
  it('replaces only the password', () => {
    expect(redactUrl('rtsp://admin:hunter2@cam:554/s')).toBe('rtsp://admin:***@cam:554/s');
    expect(redactUrl('rtsp://cam:554/s')).toBe('rtsp://cam:554/s');
    expect(redactUrl('/a/file.mp4')).toBe('/a/file.mp4');
  });
});
