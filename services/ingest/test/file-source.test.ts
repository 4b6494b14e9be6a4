import { execFileSync } from 'node:child_process';

import { describeIfVideos, FACENET_CLIP } from '../../../test/fixtures';
import { CameraSource } from '../src/sources/camera-source';
import { record } from './support/collect';
import { processExists, waitFor, within } from './support/wait';

/** Length of the video stream, read from the file rather than written down here. */
function videoSeconds(file: string): number {
  const out = execFileSync(
    'ffprobe',
    [
      ['-v', 'error', '-select_streams', 'v:0'],
      ['-show_entries', 'stream=duration', '-of', 'default=nw=1:nk=1', file],
    ].flat(),
  );
  return Number(out.toString().trim());
}

function rowMax(data: Uint8Array, width: number, row: number): number {
  let max = 0;
  for (let i = row * width * 3; i < (row + 1) * width * 3; i += 1)
    max = Math.max(max, data[i] ?? 0);
  return max;
}

describeIfVideos('CameraSource on a video file', [FACENET_CLIP], () => {
  const seconds = videoSeconds(FACENET_CLIP);

  it('delivers letterboxed frames of the configured size, about fps x length of them', async () => {
    const source = new CameraSource({
      cameraId: 'file-once',
      url: FACENET_CLIP,
      fps: 5,
      width: 320,
      height: 320,
    });
    const { frames, statuses } = record(source);
    const ended = new Promise<void>((resolve) => source.once('ended', resolve));
    source.start();
    await within('the file to end', ended, 30_000);

    const expected = seconds * 5;
    expect(frames.length).toBeGreaterThanOrEqual(Math.floor(expected * 0.7));
    expect(frames.length).toBeLessThanOrEqual(Math.ceil(expected * 1.3) + 2);
    expect(frames.map((frame) => frame.seq)).toEqual(frames.map((_, i) => i));

    const first = frames[0];
    expect(first).toMatchObject({ cameraId: 'file-once', width: 320, height: 320 });
    expect(first?.data.length).toBe(320 * 320 * 3);
    // 16:9 into a square: bars of (320 - 180) / 2 = 70 rows above and below the picture.
    expect(rowMax(first?.data ?? new Uint8Array(), 320, 10)).toBeLessThanOrEqual(2);
    expect(rowMax(first?.data ?? new Uint8Array(), 320, 160)).toBeGreaterThan(40);

    expect(statuses.map((status) => status.state)).toEqual(['connecting', 'online', 'stopped']);
    expect(source.status.lastError).toBeUndefined();
  });

  it('keeps going past the end when looped; stop leaves no ffmpeg', async () => {
    const source = new CameraSource({
      cameraId: 'file-loop',
      url: FACENET_CLIP,
      fps: 5,
      loop: true,
    });
    const { frames } = record(source);
    const ended = jest.fn();
    source.on('ended', ended);
    source.start();

    const pastTheEnd = Math.ceil(seconds * 5 * 1.5);
    await waitFor(`${pastTheEnd} frames`, () => frames.length >= pastTheEnd, 30_000);
    const pid = source.status.pid;
    expect(pid).toBeDefined();
    expect(source.status.state).toBe('online');
    expect(source.status.reconnects).toBe(0);

    await source.stop();
    expect(ended).not.toHaveBeenCalled();
    expect(source.status.state).toBe('stopped');
    expect(processExists(pid ?? 0)).toBe(false);
  });
});
