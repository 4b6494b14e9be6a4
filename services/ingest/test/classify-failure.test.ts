import { classifyFailure, type FfmpegEnd } from '../src/ffmpeg/classify-failure';
import type { CameraInput } from '../src/input/camera-url';

const camera: CameraInput = { kind: 'rtsp', url: 'rtsp://admin:hunter2@10.0.0.5/s' };
const end = (errorLines: string[], extra: Partial<FfmpegEnd> = {}): FfmpegEnd => ({
  code: 1,
  signal: null,
  errorLines,
  sawFrames: false,
  elapsedMs: 100,
  ioTimeoutMs: 5_000,
  ...extra,
});

// Lines as ffmpeg 5.1 writes them (401 and 404 as its RTSP and HTTP clients word them).
describe('classifyFailure', () => {
  it.each([
    [
      'rtsp://10.0.0.5/s: Server returned 401 Unauthorized (authorization failed)',
      'CAMERA_UNAUTHORIZED',
    ],
    ['http://10.0.0.5/v: Server returned 403 Forbidden (access denied)', 'CAMERA_UNAUTHORIZED'],
    ['rtsp://10.0.0.5/s: Server returned 404 Not Found', 'CAMERA_STREAM_NOT_FOUND'],
    ['rtsp://10.0.0.5/s: Connection refused', 'CAMERA_UNREACHABLE'],
    ['/videos/x.mp4: No such file or directory', 'CAMERA_UNREACHABLE'],
    ['/etc/passwd: Invalid data found when processing input', 'CAMERA_STREAM_INVALID'],
    ['Output file #0 does not contain any stream', 'CAMERA_STREAM_INVALID'],
    ['something ffmpeg has never said', 'FFMPEG_FAILED'],
  ])('%s -> %s', (line, code) => {
    expect(classifyFailure(camera, end([line])).code).toBe(code);
  });

  it('tells a silent server (invalid data after the I/O timeout) from a non-video answer', () => {
    const line = 'rtsp://10.0.0.5/s: Invalid data found when processing input';
    expect(classifyFailure(camera, end([line], { elapsedMs: 5_020 })).code).toBe(
      'CAMERA_UNREACHABLE',
    );
    expect(classifyFailure(camera, end([line], { elapsedMs: 300 })).code).toBe(
      'CAMERA_STREAM_INVALID',
    );
  });

  it('calls a stream that delivered and then stopped CAMERA_STREAM_ENDED', () => {
    expect(classifyFailure(camera, end([], { sawFrames: true })).code).toBe('CAMERA_STREAM_ENDED');
    expect(classifyFailure(camera, end([], { code: 0 })).code).toBe('CAMERA_STREAM_ENDED');
  });

  it('words a missing file for a file, naming its path once (spaces and all)', () => {
    const file: CameraInput = { kind: 'file', path: '/srv/videos/front door.mp4' };
    const error = classifyFailure(
      file,
      end(['/srv/videos/front door.mp4: No such file or directory']),
    );
    expect(error.code).toBe('CAMERA_UNREACHABLE');
    expect(error.message).toBe(
      'Camera /srv/videos/front door.mp4: No such file or directory; check the path: the file ' +
        'must exist on the machine ingest runs on and be readable there.',
    );
  });

  it('names the camera without its password and keeps the last lines in details', () => {
    const error = classifyFailure(camera, end(['a', 'rtsp://10.0.0.5/s: Connection refused']));
    expect(error.message).toContain('rtsp://admin:***@10.0.0.5/s');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toMatch(/: Connection refused; check the host/);
    expect(error.details).toMatchObject({ exitCode: 1, ffmpeg: ['a', expect.any(String)] });
  });
});
