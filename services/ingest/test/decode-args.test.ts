import { decodeArgs, filterChain } from '../src/ffmpeg/decode-args';

const output = { fps: 5, width: 640, height: 360, fit: 'pad' as const };
const timing = { ioTimeoutMs: 5_000, loop: false };

function valueAfter(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at < 0 ? undefined : args[at + 1];
}

describe('decodeArgs', () => {
  it('pulls RTSP over TCP with a socket timeout in microseconds, before -i', () => {
    const args = decodeArgs({ kind: 'rtsp', url: 'rtsp://cam/s' }, output, timing);
    expect(valueAfter(args, '-rtsp_transport')).toBe('tcp');
    expect(valueAfter(args, '-timeout')).toBe('5000000');
    expect(args.indexOf('-timeout')).toBeLessThan(args.indexOf('-i'));
    expect(valueAfter(args, '-i')).toBe('rtsp://cam/s');
  });

  it('times out HTTP reads and paces files, looping only when asked', () => {
    const http = decodeArgs({ kind: 'http', url: 'http://cam/v' }, output, timing);
    expect(valueAfter(http, '-rw_timeout')).toBe('5000000');

    const once = decodeArgs({ kind: 'file', path: '/v.mp4' }, output, timing);
    expect(once).toContain('-re');
    expect(once).not.toContain('-stream_loop');
    const looped = decodeArgs({ kind: 'file', path: '/v.mp4' }, output, { ...timing, loop: true });
    expect(valueAfter(looped, '-stream_loop')).toBe('-1');
  });

  it('opens V4L2 devices with the v4l2 demuxer', () => {
    const args = decodeArgs({ kind: 'v4l2', device: '/dev/video0' }, output, timing);
    expect(valueAfter(args, '-f')).toBe('v4l2');
    expect(valueAfter(args, '-i')).toBe('/dev/video0');
  });

  it('writes raw rgb24 to stdout', () => {
    const args = decodeArgs({ kind: 'file', path: '/v.mp4' }, output, timing);
    expect(args.slice(-5)).toEqual(['-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1']);
  });
});

describe('filterChain', () => {
  it('drops to the rate first, then letterboxes or stretches to the exact size', () => {
    expect(filterChain(output)).toBe(
      'fps=5,scale=640:360:force_original_aspect_ratio=decrease,' +
        'pad=640:360:(ow-iw)/2:(oh-ih)/2,setsar=1',
    );
    expect(filterChain({ ...output, fit: 'stretch' })).toBe('fps=5,scale=640:360,setsar=1');
  });
});
