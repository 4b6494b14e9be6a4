/**
 * Turns the URL an operator configures for a camera into the input ffmpeg opens. Accepted:
 * `rtsp://` and `rtsps://` (network cameras), `http://` and `https://` (MJPEG streams),
 * `file://` or an absolute path (a video file), `v4l2:///dev/videoN` or `/dev/videoN` (a
 * local capture device). Anything else is `CAMERA_URL_INVALID`, raised here, before any
 * ffmpeg. A relative path is refused rather than resolved: it would name a file relative to
 * whichever directory each service happens to run in. A `file://` URL may ask for the file
 * to play in a loop with `?loop=1` (also `true`, `yes`; `0`, `false`, `no` for once).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RollcallError } from '@rollcall/errors';

export type CameraInput =
  | { readonly kind: 'rtsp'; readonly url: string }
  | { readonly kind: 'http'; readonly url: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'v4l2'; readonly device: string };

const V4L2_DEVICE = /^\/dev\/video\d+$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ACCEPTED =
  'rtsp://, rtsps://, http://, https://, file:///path, an absolute file path or /dev/videoN';
const LOOP_ON = new Set(['1', 'true', 'yes']);
const LOOP_OFF = new Set(['0', 'false', 'no', '']);

export function parseCameraUrl(raw: string): CameraInput {
  const text = raw.trim();
  if (text.length === 0) throw invalid(raw, 'it is empty');
  if (text.startsWith('-'))
    throw invalid(raw, 'it starts with "-", which ffmpeg reads as an option');
  if (V4L2_DEVICE.test(text)) return { kind: 'v4l2', device: text };
  if (!HAS_SCHEME.test(text)) return { kind: 'file', path: absoluteFile(text, raw) };

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(raw, 'it does not parse as a URL');
  }

  switch (url.protocol) {
    case 'rtsp:':
    case 'rtsps:':
      return { kind: 'rtsp', url: requireHost(url, raw) };
    case 'http:':
    case 'https:':
      return { kind: 'http', url: requireHost(url, raw) };
    case 'file:':
      fileLoop(url);
      return { kind: 'file', path: fileURLToPath(url) };
    case 'v4l2:':
      if (!V4L2_DEVICE.test(url.pathname)) throw invalid(raw, 'write it as v4l2:///dev/videoN');
      return { kind: 'v4l2', device: url.pathname };
    default:
      throw invalid(raw, `the scheme ${url.protocol} is not supported`);
  }
}

/** The URL with any password replaced by `***`, safe for logs and error messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password === '') return raw;
    url.password = '***';
    return url.toString();
  } catch {
    return raw;
  }
}

/** What a log line or message calls the input (credentials removed). */
export function describeInput(input: CameraInput): string {
  switch (input.kind) {
    case 'rtsp':
    case 'http':
      return redactUrl(input.url);
    case 'file':
      return input.path;
    case 'v4l2':
      return input.device;
  }
}

/**
 * Whether a `file://` URL asks to play in a loop (`?loop=1`, `true` or `yes`); an unknown
 * value is `CAMERA_URL_INVALID`, so a typo is refused when the camera is added.
 */
export function fileLoop(url: URL): boolean {
  const value = (url.searchParams.get('loop') ?? '').toLowerCase();
  if (LOOP_ON.has(value)) return true;
  if (LOOP_OFF.has(value)) return false;
  throw invalid(url.toString(), `loop=${value} is not one of 1, true, yes, 0, false, no`);
}

function absoluteFile(text: string, raw: string): string {
  if (path.isAbsolute(text)) return path.normalize(text);
  throw invalid(
    raw,
    'a file path must be absolute (a relative one depends on where ingest runs), such as ' +
      '/srv/videos/door.mp4 or file:///srv/videos/door.mp4',
  );
}

function requireHost(url: URL, raw: string): string {
  if (url.hostname === '') throw invalid(raw, 'it names no host');
  return url.toString();
}

function invalid(raw: string, reason: string): RollcallError {
  return new RollcallError(
    'CAMERA_URL_INVALID',
    `Camera URL "${redactUrl(raw)}" is not usable: ${reason}. Use ${ACCEPTED}.`,
  );
}
