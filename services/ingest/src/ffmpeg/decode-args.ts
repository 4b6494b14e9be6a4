/**
 * The ffmpeg command line that decodes one camera input to raw RGB frames on stdout.
 *
 * Output is always exactly `width` x `height` x 3 bytes per frame, so the frame size is
 * known before the first byte arrives and no probe of the source is needed. `fit: 'pad'`
 * keeps the aspect ratio and letterboxes (black bars), `fit: 'stretch'` fills the size.
 * `fps` comes first in the filter chain, so dropped frames are never scaled.
 */
import type { CameraInput } from '../input/camera-url';

export interface DecodeOutput {
  /** Frames per second delivered (the `fps` filter duplicates or drops to hit it). */
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  /** `pad`: keep aspect ratio, letterbox. `stretch`: scale to the size, aspect ignored. */
  readonly fit: 'pad' | 'stretch';
}

export interface DecodeInputOptions {
  /**
   * Socket I/O timeout for network inputs, in ms. ffmpeg 5.1 takes it in microseconds:
   * `-timeout` for RTSP (`ffmpeg -h demuxer=rtsp`), `-rw_timeout` for HTTP.
   */
  readonly ioTimeoutMs: number;
  /** Files only: start again at the end (`-stream_loop -1`). */
  readonly loop: boolean;
}

export function decodeArgs(
  input: CameraInput,
  output: DecodeOutput,
  options: DecodeInputOptions,
): string[] {
  return [
    ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+warning'],
    inputArgs(input, options),
    ['-map', '0:v:0', '-an', '-sn', '-dn'],
    ['-vf', filterChain(output)],
    // Flush each frame as soon as it is written rather than when the 32 KiB I/O buffer
    // fills, so the tail of a frame never waits for the next one (ffmpeg's auto setting
    // already does this for pipes; saying so keeps it true whatever the build decides).
    ['-flush_packets', '1'],
    ['-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'],
  ].flat();
}

export function filterChain(output: DecodeOutput): string {
  const { fps, width: w, height: h } = output;
  const scale =
    output.fit === 'pad'
      ? `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2`
      : `scale=${w}:${h}`;
  return `fps=${fps},${scale},setsar=1`;
}

function inputArgs(input: CameraInput, options: DecodeInputOptions): string[] {
  const timeoutUs = String(Math.round(options.ioTimeoutMs * 1000));
  // Live inputs: hand frames on as soon as they decode instead of buffering for smoothness.
  const lowDelay = ['-fflags', 'nobuffer', '-flags', 'low_delay'];

  switch (input.kind) {
    case 'rtsp':
      return ['-rtsp_transport', 'tcp', '-timeout', timeoutUs, ...lowDelay, '-i', input.url];
    case 'http':
      return ['-rw_timeout', timeoutUs, ...lowDelay, '-i', input.url];
    case 'file':
      // -re paces reading at the file's own frame rate, as a camera would deliver it.
      return ['-re', ...(options.loop ? ['-stream_loop', '-1'] : []), '-i', input.path];
    case 'v4l2':
      return ['-f', 'v4l2', '-i', input.device];
  }
}
