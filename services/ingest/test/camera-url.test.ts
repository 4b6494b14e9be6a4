import { isRollcallError } from '@rollcall/errors';

import { fileLoop, parseCameraUrl, redactUrl } from '../src/input/camera-url';

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
    expect(parseCameraUrl('/srv/videos/door.mp4')).toEqual({
      kind: 'file',
      path: '/srv/videos/door.mp4',
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
      'not a url',
      '-version',
      'relative/path.mp4',
      'file:///srv/videos/door.mp4?loop=sometimes',
    ]) {
      expect([bad, codeOf(() => parseCameraUrl(bad))]).toEqual([bad, 'CAMERA_URL_INVALID']);
    }
  });

  it('says how to write a file path and names the accepted schemes once', () => {
    expect(() => parseCameraUrl('relative/path.mp4')).toThrow(
      /a file path must be absolute .* such as \/srv\/videos\/door.mp4 or file:\/\/\/srv/,
    );
    expect(() => parseCameraUrl('-version')).toThrow(/starts with "-"/);
    try {
      parseCameraUrl('gopher://cam/x');
    } catch (error) {
      const message = (error as Error).message;
      expect(message.split('rtsps://').length - 1).toBe(1);
      expect(message).toContain('the scheme gopher: is not supported');
    }
  });

  it('reads loop=1, true and yes as a loop, and 0, false, no or none as once', () => {
    for (const on of ['1', 'true', 'yes', 'YES']) {
      expect(fileLoop(new URL(`file:///v.mp4?loop=${on}`))).toBe(true);
    }
    for (const off of ['0', 'false', 'no']) {
      expect(fileLoop(new URL(`file:///v.mp4?loop=${off}`))).toBe(false);
    }
    expect(fileLoop(new URL('file:///v.mp4'))).toBe(false);
    expect(parseCameraUrl('file:///v.mp4?loop=yes')).toEqual({ kind: 'file', path: '/v.mp4' });
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
