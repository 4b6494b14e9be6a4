import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { RollcallError } from '@rollcall/errors';
import type { LoadedPack } from '@rollcall/vision';
import {
  closeAllSessions,
  inferenceOptionsFromSettings,
  loadPack,
  createDetector,
  OnnxEmbeddingRecognizer,
} from '@rollcall/vision';
import { DiskCache } from '../cache/disk-cache';
import type { MultiScoredPair } from '../metrics/fusion';
import {
  summariseFixedFusion,
  summariseFusion,
  summariseModel,
  type ScoreSummary,
} from './evaluate';
import { LfwFrontEnd, recognizerKey, type RecognizerRun } from './front-end';
import type { LfwOptions } from './lfw-options';
import { readPairs } from './pairs';
import { scorePairs } from './score-pairs';
import { selectPairs } from './select-pairs';
import { StageTimes, type Stage, type StageCost } from './stage-times';

export interface LfwResult {
  readonly pack: string;
  readonly detectorPack: string;
  readonly flip: boolean;
  readonly images: number;
  readonly pairs: number;
  readonly folds: number;
  readonly facesMissed: number;
  /** The pack as configured: the one model, or the fusion of all (weights by CV). */
  readonly headline: ScoreSummary;
  readonly models: readonly ScoreSummary[];
  /** Fusion with the manifest's own weights, when the pack fuses several models. */
  readonly manifestFusion?: ScoreSummary;
  readonly ms: Record<Stage, StageCost>;
  readonly threads: number;
  /** The machine's 1-minute load average when the images started and when they ended. */
  readonly loadAverage: readonly [number, number];
}

export type Progress = (line: string) => void;

export async function runLfw(options: LfwOptions, progress: Progress): Promise<LfwResult> {
  const { folds: fileFolds, pairs: allPairs } = readPairs(path.join(options.data, 'pairs.txt'));
  const folds = Math.min(options.folds ?? fileFolds, fileFolds);
  const pairs = selectPairs(allPairs, folds, options.limit);
  const images = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];

  const pack = await loadPack(options.pack);
  const detectorPack =
    options.detectorPack === undefined ? pack : await loadPack(options.detectorPack);
  const flip = options.flip ?? pack.manifest.flip;
  const inference = inferenceOptionsFromSettings();
  const detector = await createDetector(
    detectorPack.manifest.detector,
    detectorPack.files,
    inference,
  );
  const detectorKey = detectorCacheKey(detectorPack, detector.id);
  const runs = await openRecognizers(pack, options, detectorKey, flip);

  const times = new StageTimes();
  const frontEnd = new LfwFrontEnd({
    detector,
    detectorKey,
    recognizers: runs,
    cacheDir: options.cacheDir,
    times,
  });
  const vectors = new Map<string, readonly Float32Array[]>();
  let missed = 0;
  const started = Date.now();
  const loadAtStart = loadavg()[0] as number;

  try {
    for (const [i, image] of images.entries()) {
      const result = await frontEnd.process(path.join(options.data, 'images', image), image);
      times.endImage();
      vectors.set(image, result.vectors);
      if (result.missed) missed++;
      if ((i + 1) % 250 === 0 || i + 1 === images.length) {
        const rate = ((Date.now() - started) / (i + 1)).toFixed(0);
        progress(
          `${i + 1}/${images.length} images, ${missed} without a centre face, ${rate} ms/image`,
        );
      }
    }
  } finally {
    await detector.close();
    await closeAllSessions();
  }

  const scored = scorePairs(pairs, vectors, runs.length);
  const models = runs.map((r, m) => summariseModel(r.key, scored, m, folds));
  return {
    pack: pack.manifest.name,
    detectorPack: detectorPack.manifest.name,
    flip,
    images: images.length,
    pairs: pairs.length,
    folds,
    facesMissed: missed,
    headline: headline(runs, scored, models, folds),
    models,
    ...manifestFusion(pack, runs, scored, folds),
    ms: times.perFace(),
    threads: inference.threads,
    loadAverage: [loadAtStart, loadavg()[0] as number],
  };
}

function headline(
  runs: readonly RecognizerRun[],
  scored: readonly MultiScoredPair[],
  models: readonly ScoreSummary[],
  folds: number,
): ScoreSummary {
  if (runs.length === 1) return models[0] as ScoreSummary;
  if (runs.length === 2)
    return summariseFusion(`fused(${runs.map((r) => r.key).join(' + ')})`, scored, folds);
  throw new RollcallError(
    'INVALID_ARGUMENT',
    'Fusion is measured for two recognisers; pick two with --recognizer.',
  );
}

function manifestFusion(
  pack: LoadedPack,
  runs: readonly RecognizerRun[],
  scored: readonly MultiScoredPair[],
  folds: number,
): { manifestFusion?: ScoreSummary } {
  if (runs.length < 2) return {};
  const weights = runs.map(
    (r) => pack.manifest.recognizers.find((s) => s.modelId === r.recognizer.modelId)?.weight ?? 0,
  );
  return {
    manifestFusion: summariseFixedFusion('fused with the manifest weights', scored, weights, folds),
  };
}

async function openRecognizers(
  pack: LoadedPack,
  options: LfwOptions,
  detectorKey: string,
  flip: boolean,
): Promise<RecognizerRun[]> {
  const wanted = options.recognizers;
  const specs = pack.manifest.recognizers.filter(
    (s) => wanted.length === 0 || wanted.includes(s.modelId),
  );
  if (specs.length === 0) {
    const known = pack.manifest.recognizers.map((s) => s.modelId).join(', ') || 'none';
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Pack ${pack.manifest.name} has no recogniser ${wanted.join(', ')} (has: ${known}).`,
    );
  }

  const runs: RecognizerRun[] = [];
  for (const spec of specs) {
    const file = pack.files.get(spec.file) as string;
    const chosen = options.template === undefined ? spec : { ...spec, template: options.template };
    const recognizer = await OnnxEmbeddingRecognizer.open(
      chosen,
      file,
      inferenceOptionsFromSettings(),
    );
    const key = recognizerKey(recognizer, detectorKey, flip);
    runs.push({ key, recognizer, flip, cache: new DiskCache(options.cacheDir, `embed/${key}`) });
  }
  return runs;
}

/**
 * Names the detector in the caches: pack, model, and a digest of its manifest settings, so
 * a changed score threshold or input scaling never reads detections made under the old.
 */
function detectorCacheKey(pack: LoadedPack, detectorId: string): string {
  const spec = JSON.stringify(pack.manifest.detector);
  const digest = createHash('sha256').update(spec).digest('hex').slice(0, 8);
  return `${pack.manifest.name}/${detectorId}/${digest}`;
}
