/**
 * The tracker and votes on real video: the Hamilton clip (ageitgey/face_recognition, see
 * `<data>/video/PROVENANCE.txt`) decoded at 10 fps by ffmpeg, faces detected and embedded
 * with the default pack, matched against the clip's two reference photos, and run through
 * the attendance engine with its defaults. Prints how faces were joined into tracks: the
 * box overlap and cosine of each continued face with its track, the best cosine to any other
 * live track, and the records. Run: `pnpm --filter @rollcall/attendance bench:video`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { visionSettings } from '@rollcall/config';
import { FaceAnalyzer, cosineSimilarity, loadPack, type Embedding } from '@rollcall/vision';

import { AttendanceEngine, cosine, iou, type FaceMatch } from '../src';
import { T0 } from '../test/support/faces';

const FPS = 10;
const CAMERA = 'hamilton';

interface Reference {
  personId: string;
  embedding: Embedding;
}

function extractFrames(clip: string): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hamilton-'));
  const args = ['-loglevel', 'error', '-i', clip, '-vf', `fps=${FPS}`, '-q:v', '2'];
  execFileSync('ffmpeg', [...args, path.join(dir, 'frame-%04d.jpg')]);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jpg'))
    .sort();
  return { dir, files: files.map((f) => path.join(dir, f)) };
}

async function reference(analyzer: FaceAnalyzer, file: string, personId: string) {
  const analysis = await analyzer.analyze(readFileSync(file), { expect: 'one' });
  return { personId, embedding: analysis.faces[0]?.embedding as Embedding };
}

function identify(embedding: Embedding, refs: readonly Reference[], threshold: number) {
  let best = { personId: '', score: -1 };
  for (const ref of refs) {
    const score = cosineSimilarity(embedding, ref.embedding);
    if (score > best.score) best = { personId: ref.personId, score };
  }
  return best.score >= threshold ? best : { personId: '', score: best.score };
}

function quantiles(values: number[]): string {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] as number).toFixed(2);
  return `min ${at(0)}, p10 ${at(0.1)}, median ${at(0.5)}, max ${at(1)} (n=${sorted.length})`;
}

async function main(): Promise<void> {
  const folder = path.join(visionSettings().dataDir, 'video', 'face_recognition');
  const clip = path.join(folder, 'short_hamilton_clip.mp4');
  if (!existsSync(clip)) {
    console.log(`skipped: ${clip} is absent (set ROLLCALL_DATA_DIR to the shared data folder)`);
    return;
  }

  const analyzer = await FaceAnalyzer.create(await loadPack(visionSettings().pack));
  const refs = [
    await reference(analyzer, path.join(folder, 'lin-manuel-miranda.png'), 'lin-manuel-miranda'),
    await reference(analyzer, path.join(folder, 'alex-lacamoire.png'), 'alex-lacamoire'),
  ];
  const engine = new AttendanceEngine();
  const { dir, files } = extractFrames(clip);

  const continued = { iou: [] as number[], cosine: [] as number[] };
  const otherTracks: number[] = [];
  const tracksOf = new Map<string, Set<string>>();
  const identified = new Map<string, number>();
  let faces = 0;
  let started = 0;
  const records: string[] = [];

  try {
    for (const [seq, file] of files.entries()) {
      const analysis = await analyzer.analyze(readFileSync(file));
      for (const [index, found] of analysis.faces.entries()) {
        const embedding = found.embedding as Embedding;
        const who = identify(embedding, refs, analyzer.threshold);
        const match: FaceMatch = {
          faceId: `${CAMERA}:${seq}:${index}`,
          cameraId: CAMERA,
          frameSeq: seq,
          capturedAtMs: T0 + Math.round((seq * 1000) / FPS),
          box: found.box,
          personId: who.personId,
          score: who.score,
          threshold: analyzer.threshold,
          vector: embedding.vector,
        };

        const before = new Map(
          liveTracks(engine).map((t) => [t.id, { box: t.box, vector: t.vector }]),
        );
        const observation = engine.observe(match, 'entry');
        faces += 1;
        if (observation.started) started += 1;

        const previous = before.get(observation.track.id);
        if (previous && !observation.started) {
          continued.iou.push(iou(previous.box, match.box));
          continued.cosine.push(cosine(previous.vector, match.vector) ?? NaN);
        }
        for (const [id, other] of before) {
          if (id !== observation.track.id)
            otherTracks.push(cosine(other.vector, match.vector) ?? NaN);
        }
        if (who.personId !== '') {
          identified.set(who.personId, (identified.get(who.personId) ?? 0) + 1);
          const set = tracksOf.get(who.personId) ?? new Set<string>();
          tracksOf.set(who.personId, set.add(observation.track.id));
        }
        const record = observation.decision.record;
        if (record) records.push(`${record.type} ${record.personId} at +${record.atMs - T0} ms`);
        engine.commit(observation.decision);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`pack: ${analyzer.pack.manifest.name}, match threshold ${analyzer.threshold}`);
  console.log(`frames: ${files.length} at ${FPS} fps, faces: ${faces}, tracks started: ${started}`);
  for (const [person, count] of identified) {
    console.log(`  ${person}: ${count} matched faces on ${tracksOf.get(person)?.size} track(s)`);
  }
  console.log(`continued faces, IoU with the track's last box: ${quantiles(continued.iou)}`);
  console.log(`continued faces, cosine with the track's last face: ${quantiles(continued.cosine)}`);
  console.log(`cosine to every other live track: ${quantiles(otherTracks)}`);
  const byAppearance = continued.cosine.filter((_, i) => (continued.iou[i] as number) < 0.3);
  console.log(`continued with IoU < 0.3 (by appearance): ${quantiles(byAppearance)}`);
  console.log(`records: ${records.length === 0 ? 'none' : records.join('; ')}`);
}

/** The engine keeps its trackers private; this bench reads them to measure them. */
function liveTracks(engine: AttendanceEngine) {
  const trackers = (engine as unknown as { trackers: Map<string, { liveTracks: unknown }> })
    .trackers;
  return [...trackers.values()].flatMap(
    (t) => t.liveTracks as { id: string; box: FaceMatch['box']; vector: Float32Array }[],
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
