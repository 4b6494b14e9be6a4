/**
 * Turns the way an ffmpeg run ended (exit code and its last stderr lines) into a coded
 * error whose message says what to check. The patterns are ffmpeg 5.1's own wording.
 */
import { RollcallError, type ErrorCode } from '@rollcall/errors';

import { describeInput, type CameraInput } from '../input/camera-url';

export interface FfmpegEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Recent error-level stderr messages, oldest first. */
  readonly errorLines: readonly string[];
  /** Whether any frame came out of this run. */
  readonly sawFrames: boolean;
  /** How long the run lasted. */
  readonly elapsedMs: number;
  /** The socket I/O timeout it ran with (network inputs). */
  readonly ioTimeoutMs: number;
}

/** A case-insensitive pattern matching any of `phrases` (plain text, no regex syntax). */
function anyOf(phrases: string[]): RegExp {
  return new RegExp(
    phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'i',
  );
}

interface Rule {
  readonly code: ErrorCode;
  readonly pattern: RegExp;
  readonly advice: string;
  /** What to check when the input is a file; default `advice`. */
  readonly fileAdvice?: string;
}

const RULES: readonly Rule[] = [
  {
    code: 'CAMERA_UNAUTHORIZED',
    pattern: /401 Unauthorized|403 Forbidden/i,
    advice: 'check the user name and password in the camera URL',
  },
  {
    code: 'CAMERA_STREAM_NOT_FOUND',
    pattern: /404 Not Found/i,
    advice: 'check the stream path in the camera URL (the camera manual names it)',
  },
  {
    code: 'CAMERA_UNREACHABLE',
    pattern: anyOf([
      'Connection refused',
      'timed out',
      'No route to host',
      'Network is unreachable',
      'Host is unreachable',
      'Name or service not known',
      'Failed to resolve',
      'No such file or directory',
      'Permission denied',
      'Connection reset',
    ]),
    advice: 'check the host, port or path and that the camera is powered and on the network',
    fileAdvice:
      'check the path: the file must exist on the machine ingest runs on and be readable there',
  },
  {
    code: 'CAMERA_STREAM_INVALID',
    pattern: anyOf([
      'Invalid data found when processing input',
      'matches no streams',
      'does not contain any stream',
      'Could not find codec parameters',
      'Unknown input format',
    ]),
    advice:
      'make sure the source is a video ffmpeg can decode (and, for a network camera, that it ' +
      'answers within the I/O timeout)',
    fileAdvice: 'make sure the file is a whole video ffmpeg can decode (try ffprobe on it)',
  },
];

/** The coded error for an ffmpeg run that ended without being asked to. */
export function classifyFailure(input: CameraInput, end: FfmpegEnd): RollcallError {
  const where = describeInput(input);
  const lines = end.errorLines.map((line) => withoutInputPrefix(line, where)).reverse();
  const details = { exitCode: end.code, signal: end.signal, ffmpeg: end.errorLines.slice(-5) };

  // ffmpeg 5.1 reports an RTSP server that accepts the connection but never answers as
  // "Invalid data found", after exactly the I/O timeout; a real non-video answer fails fast.
  if (isSilentServer(input, end, lines[0])) {
    return new RollcallError(
      'CAMERA_UNREACHABLE',
      `Camera ${where}: connected but got no answer within ${end.ioTimeoutMs} ms; ` +
        'check the port is the camera RTSP/HTTP port and that the camera is not hung.',
      { details },
    );
  }

  for (const rule of RULES) {
    const line = lines.find((candidate) => rule.pattern.test(candidate));
    if (line !== undefined) {
      const advice = input.kind === 'file' ? (rule.fileAdvice ?? rule.advice) : rule.advice;
      return new RollcallError(rule.code, `Camera ${where}: ${line}; ${advice}.`, { details });
    }
  }

  if (end.sawFrames || end.code === 0) {
    const last = lines[0] ?? (end.code === 0 ? 'the stream ended' : `ffmpeg exited ${end.code}`);
    return new RollcallError(
      'CAMERA_STREAM_ENDED',
      `Camera ${where}: ${last}; it will be reconnected.`,
      { details },
    );
  }

  const last = lines[0] ?? `exit code ${end.code}, signal ${end.signal}`;
  return new RollcallError(
    'FFMPEG_FAILED',
    `Camera ${where}: ffmpeg failed (${last}); run the same input with ffmpeg by hand to see why.`,
    { details },
  );
}

function isSilentServer(input: CameraInput, end: FfmpegEnd, lastLine?: string): boolean {
  const network = input.kind === 'rtsp' || input.kind === 'http';
  const invalid = lastLine !== undefined && /Invalid data found/i.test(lastLine);
  return network && invalid && !end.sawFrames && end.elapsedMs >= end.ioTimeoutMs * 0.9;
}

/** ffmpeg starts many lines with the input itself (`rtsp://...: `); the message has it already. */
function withoutInputPrefix(line: string, where: string): string {
  // The input as named in the message (a path may hold spaces, which the pattern below stops at).
  if (line.startsWith(`${where}: `)) return line.slice(where.length + 2);
  const match = /^\S+: (.+)$/.exec(line);
  return match?.[1] !== undefined && /^[a-z][a-z0-9+.-]*:\/\/|^\//i.test(line) ? match[1] : line;
}
