import { once } from 'node:events';

import { describeIfVideos, FACENET_CLIP } from '../../../test/fixtures';
import { decodeArgs } from '../src/ffmpeg/decode-args';
import { FfmpegDecoder, type DecoderExit } from '../src/ffmpeg/ffmpeg-decoder';
import type { CameraInput } from '../src/input/camera-url';
import { processExists, within } from './support/wait';

const input: CameraInput = { kind: 'file', path: FACENET_CLIP };
const output = { fps: 5, width: 64, height: 36, fit: 'pad' as const };

function decoder(overrides: Partial<ConstructorParameters<typeof FfmpegDecoder>[0]> = {}) {
  return new FfmpegDecoder({
    ffmpegPath: 'ffmpeg',
    args: decodeArgs(input, output, { ioTimeoutMs: 5_000, loop: false }),
    frameBytes: 64 * 36 * 3,
    input,
    killGraceMs: 2_000,
    ioTimeoutMs: 5_000,
    ...overrides,
  });
}

describeIfVideos('FfmpegDecoder', [FACENET_CLIP], () => {
  it('emits whole frames, then one clean exit at the end of the input', async () => {
    const run = decoder();
    const sizes: number[] = [];
    run.on('frame', (frame) => sizes.push(frame.length));
    const exited = once(run, 'exit') as Promise<[DecoderExit]>;
    run.start();

    const [exit] = await within('the end of the file', exited, 30_000);
    expect(exit).toMatchObject({ code: 0, requested: false, frames: sizes.length });
    expect(exit.failure).toBeUndefined();
    expect(sizes.length).toBeGreaterThan(5);
    expect(new Set(sizes)).toEqual(new Set([64 * 36 * 3]));
  });

  it('ends ffmpeg on stop() and reports the exit as requested', async () => {
    const run = decoder({ args: decodeArgs(input, output, { ioTimeoutMs: 5_000, loop: true }) });
    const exited = once(run, 'exit') as Promise<[DecoderExit]>;
    run.start();
    await within('a frame', once(run, 'frame'), 20_000);
    const pid = run.pid ?? 0;

    await run.stop();
    const [exit] = await exited;
    expect(exit.requested).toBe(true);
    expect(exit.failure).toBeUndefined();
    expect(run.pid).toBeUndefined();
    expect(processExists(pid)).toBe(false);
  });

  it('kills with SIGKILL a process that ignores SIGTERM, after the grace period', async () => {
    // An ignored signal stays ignored across exec, so `sleep` itself shrugs off SIGTERM.
    const run = decoder({
      ffmpegPath: '/bin/sh',
      args: ['-c', 'trap "" TERM; exec sleep 30'],
      killGraceMs: 300,
    });
    const exited = once(run, 'exit') as Promise<[DecoderExit]>;
    run.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const pid = run.pid ?? 0;

    await within('the forced exit', run.stop(), 5_000);
    const [exit] = await exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(processExists(pid)).toBe(false);
  });
});
