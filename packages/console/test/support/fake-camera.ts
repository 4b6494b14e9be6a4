import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A .y4m clip of `photo` for Chromium's fake camera (`--use-file-for-fake-video-capture`),
 * written by ffmpeg to a temp folder: 640x480, letterboxed, one second at 10 fps (Chromium
 * loops it).
 */
export function fakeCameraClip(photo: string): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'rollcall-camera-')), 'face.y4m');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-loop',
    '1',
    '-i',
    photo,
    '-vf',
    'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,fps=10',
    '-frames:v',
    '10',
    '-pix_fmt',
    'yuv420p',
    '-y',
    out,
  ]);
  return out;
}
