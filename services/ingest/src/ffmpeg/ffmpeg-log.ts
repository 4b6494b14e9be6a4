/**
 * Reads ffmpeg's stderr as structured lines. It runs with `-loglevel level+warning`, so a
 * line looks like `[tcp @ 0x55d0] [error] Connection to tcp://... failed: Connection refused`
 * or `[error] rtsp://...: Invalid data found when processing input`.
 */

export type FfmpegLevel =
  'panic' | 'fatal' | 'error' | 'warning' | 'info' | 'verbose' | 'debug' | 'trace';

export interface FfmpegLogLine {
  readonly level: FfmpegLevel;
  /** The ffmpeg component that spoke (`tcp`, `rtsp`, `h264`), when the line names one. */
  readonly component?: string;
  readonly message: string;
}

const LEVELS = new Set<string>([
  'panic',
  'fatal',
  'error',
  'warning',
  'info',
  'verbose',
  'debug',
  'trace',
]);
const LINE = /^(?:\[([^\]@]+?) @ 0x[0-9a-f]+\] )?(?:\[([a-z]+)\] )?(.*)$/;

/** `scheme://user:password@` in ffmpeg's words, so the password never reaches a log. */
const CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+):[^@\s]*@/gi;

/**
 * Parses one stderr line; a line without a level tag counts as `info`. Passwords in URLs
 * (ffmpeg repeats the input URL in its errors) are replaced by `***`.
 */
export function parseFfmpegLine(rawLine: string): FfmpegLogLine {
  const line = rawLine.replace(CREDENTIALS, '$1:***@');
  const match = LINE.exec(line);
  const component = match?.[1];
  const tag = match?.[2];
  const level = tag !== undefined && LEVELS.has(tag) ? (tag as FfmpegLevel) : 'info';
  const message = tag !== undefined && !LEVELS.has(tag) ? line : (match?.[3] ?? line);
  return component === undefined ? { level, message } : { level, component, message };
}

/** True for levels that end or break decoding. */
export function isErrorLevel(level: FfmpegLevel): boolean {
  return level === 'error' || level === 'fatal' || level === 'panic';
}

/** Splits a text stream into lines (ffmpeg ends some with `\r`), across chunk boundaries. */
export class LineSplitter {
  private partial = '';

  push(text: string): string[] {
    const parts = (this.partial + text).split(/\r\n|\n|\r/);
    this.partial = parts.pop() ?? '';
    return parts.filter((part) => part.length > 0);
  }

  /** The last unterminated line, if any (call when the stream ends). */
  flush(): string[] {
    const rest = this.partial;
    this.partial = '';
    return rest.length > 0 ? [rest] : [];
  }
}
