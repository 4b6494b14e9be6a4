/**
 * Shared by the align, recognize and analyze tests: real images decoded in place, packs
 * resolved from the manifests in `models/` and the model files on this machine, and LFW
 * pairs read from pairs.txt.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRollcallError } from '@rollcall/errors';
import { alignFace } from '../../src/align/align-face';
import { createDetector } from '../../src/detect/create-detector';
import type { FaceDetector } from '../../src/detect/face-detector';
import type { FivePoints } from '../../src/geometry/types';
import { decodeImage } from '../../src/image/decode-image';
import type { RgbImage } from '../../src/image/rgb-image';
import { findPack, resolvePack, type LoadedPack, type PackSettings } from '../../src/packs';
import type { RecognizerSpec } from '../../src/packs/manifest';
import { OnnxEmbeddingRecognizer } from '../../src/recognize/onnx-embedding-recognizer';
import { MODELS_DIR, REPO_ROOT, dataPath } from '../support/data';

/** Decodes an image file with the product's decoder. */
export async function loadRgb(file: string): Promise<RgbImage> {
  return decodeImage(readFileSync(file));
}

/**
 * Pack settings for tests: the shipped manifests, files searched in the installed packs
 * folder and then the shared model store, checksums cached in the temp folder.
 */
export function testPackSettings(): PackSettings {
  return {
    modelPath: [path.join(REPO_ROOT, 'models', 'installed'), MODELS_DIR],
    modelsDir: path.join(REPO_ROOT, 'models', 'installed'),
    cacheDir: path.join(os.tmpdir(), 'rollcall-test-checksums'),
    manifestsDir: path.join(REPO_ROOT, 'models'),
  };
}

/** The pack resolved and verified as the product does, or undefined when a file is absent. */
export async function packIfPresent(name: string): Promise<LoadedPack | undefined> {
  const settings = testPackSettings();
  try {
    return await resolvePack(findPack(name, settings).manifest, settings);
  } catch (err) {
    if (isRollcallError(err, 'PACK_FILE_MISSING')) {
      console.warn(`skipping pack ${name}: ${err.message}`);
      return undefined;
    }
    throw err;
  }
}

export interface LfwPair {
  readonly a: string;
  readonly b: string;
  readonly genuine: boolean;
}

/** The LFW image of `name` number `n` (images/<Name>/<Name>_NNNN.jpg). */
export function lfwImage(name: string, n: number): string {
  const file = `${name}_${String(n).padStart(4, '0')}.jpg`;
  return dataPath(path.join('lfw-deepfunneled', 'images', name, file));
}

/**
 * Every `step`-th genuine and impostor pair of pairs.txt (3 fields: same person, 4: two
 * people), at most `count` of each: a deterministic spread over all ten folds.
 */
export function lfwPairs(count: number, step: number): LfwPair[] {
  const lines = readFileSync(dataPath('lfw-deepfunneled/pairs.txt'), 'utf8').split('\n').slice(1);
  const genuine: LfwPair[] = [];
  const impostor: LfwPair[] = [];

  for (const [i, line] of lines.entries()) {
    const f = line.trim().split(/\s+/);
    if (i % step !== 0) continue;
    if (f.length === 3 && genuine.length < count) {
      const [name, n1, n2] = f as [string, string, string];
      genuine.push({ a: lfwImage(name, +n1), b: lfwImage(name, +n2), genuine: true });
    }
    if (f.length === 4 && impostor.length < count) {
      const [name1, n1, name2, n2] = f as [string, string, string, string];
      impostor.push({ a: lfwImage(name1, +n1), b: lfwImage(name2, +n2), genuine: false });
    }
  }
  return [...genuine, ...impostor];
}

/** The best face's landmarks in an image file, by the given detector. */
export async function landmarksOf(detector: FaceDetector, file: string): Promise<FivePoints> {
  const [face] = await detector.detect(await loadRgb(file), { maxFaces: 1 });
  if (face === undefined) throw new Error(`${file}: the detector found no face`);
  return face.landmarks;
}

/** Opens every recogniser of the packs present, with its pack's detector. */
export async function openRecognizers(packNames: readonly string[]): Promise<RecognizerCase[]> {
  const cases: RecognizerCase[] = [];
  for (const name of packNames) {
    const pack = await packIfPresent(name);
    if (pack === undefined) continue;

    const detector = await createDetector(pack.manifest.detector, pack.files);
    for (const spec of pack.manifest.recognizers) {
      const file = pack.files.get(spec.file) as string;
      cases.push({
        pack,
        detector,
        spec,
        recognizer: await OnnxEmbeddingRecognizer.open(spec, file),
      });
    }
  }
  if (cases.length === 0) console.warn(`no recogniser of ${packNames.join(', ')} is installed`);
  return cases;
}

export interface RecognizerCase {
  readonly pack: LoadedPack;
  readonly detector: FaceDetector;
  readonly spec: RecognizerSpec;
  readonly recognizer: OnnxEmbeddingRecognizer;
}

/** Each file's best face, aligned to the recogniser's template. */
export async function alignedCrops(c: RecognizerCase, files: readonly string[]) {
  const crops: RgbImage[] = [];
  for (const file of files) {
    const landmarks = await landmarksOf(c.detector, file);
    crops.push(alignFace(await loadRgb(file), landmarks, c.recognizer.template).crop);
  }
  return crops;
}
