/**
 * Face matches from real video: the Hamilton clip of ageitgey/face_recognition (see
 * `<data>/video/PROVENANCE.txt`) decoded by ffmpeg, faces detected and embedded with the
 * configured pack (`ROLLCALL_PACK`, default `rollcall-default`) and matched against the
 * clip's two reference photos, as the matcher would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { visionSettings } from '@rollcall/config';
import { FaceAnalyzer, cosineSimilarity, loadPack, type Embedding } from '@rollcall/vision';

import type { FaceMatch } from '../../src';
import { T0 } from './faces';

export const CLIP_FOLDER = path.join(visionSettings().dataDir, 'video', 'face_recognition');
const CLIP = path.join(CLIP_FOLDER, 'short_hamilton_clip.mp4');
const REFERENCES = [
  ['lin-manuel-miranda', 'lin-manuel-miranda.png'],
  ['alex-lacamoire', 'alex-lacamoire.png'],
] as const;

/** Why the clip cannot be used here, or `undefined` when it can. */
export function videoUnavailable(): string | undefined {
  if (!existsSync(CLIP)) return `${CLIP} is absent (set ROLLCALL_DATA_DIR to the shared data)`;
  if (spawnSync('ffmpeg', ['-version']).status !== 0) return 'ffmpeg is not installed';
  return undefined;
}

export interface VideoMatches {
  readonly packName: string;
  readonly threshold: number;
  readonly frames: number;
  readonly matches: FaceMatch[];
}

/** Matches of the first `seconds` of the clip (all of it by default) at `fps`. */
export async function videoMatches(options: { fps: number; seconds?: number }) {
  const analyzer = await FaceAnalyzer.create(await loadPack(visionSettings().pack));
  const references = await Promise.all(
    REFERENCES.map(async ([personId, file]) => {
      const image = readFileSync(path.join(CLIP_FOLDER, file));
      const analysis = await analyzer.analyze(image, { expect: 'one' });
      return { personId, embedding: analysis.faces[0]?.embedding as Embedding };
    }),
  );

  const { dir, files } = extractFrames(options.fps, options.seconds);
  const matches: FaceMatch[] = [];
  try {
    for (const [seq, file] of files.entries()) {
      const analysis = await analyzer.analyze(readFileSync(file));
      for (const [index, face] of analysis.faces.entries()) {
        const embedding = face.embedding as Embedding;
        let best = { personId: '', score: -1 };
        for (const ref of references) {
          const score = cosineSimilarity(embedding, ref.embedding);
          if (score > best.score) best = { personId: ref.personId, score };
        }
        matches.push({
          faceId: `hamilton:${seq}:${index}`,
          cameraId: 'hamilton',
          frameSeq: seq,
          capturedAtMs: T0 + Math.round((seq * 1000) / options.fps),
          box: face.box,
          personId: best.score >= analyzer.threshold ? best.personId : '',
          score: best.score,
          threshold: analyzer.threshold,
          vector: embedding.vector,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const packName = analyzer.pack.manifest.name;
  return { packName, threshold: analyzer.threshold, frames: files.length, matches };
}

function extractFrames(fps: number, seconds?: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hamilton-'));
  const limit = seconds === undefined ? [] : ['-t', String(seconds)];
  const args = ['-loglevel', 'error', ...limit, '-i', CLIP, '-vf', `fps=${fps}`, '-q:v', '2'];
  execFileSync('ffmpeg', [...args, path.join(dir, 'frame-%04d.jpg')]);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => path.join(dir, f));
  return { dir, files };
}
