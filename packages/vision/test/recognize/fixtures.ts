/**
 * Shared by the align, recognize and analyze tests: real images decoded in place, packs
 * assembled from the manifests in `models/` and model files on this machine, and LFW pairs
 * read from pairs.txt.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { RgbImage } from '../../src/image/rgb-image';
import { PackManifestSchema } from '../../src/packs/manifest';
import type { LoadedPack } from '../../src/packs/loaded-pack';
import { REPO_ROOT, dataPath, modelPath } from '../support/data';

/** Decodes a file to RGB, applying EXIF orientation, as the product's decoder does. */
export async function loadRgb(file: string): Promise<RgbImage> {
  const { data, info } = await sharp(readFileSync(file))
    .rotate()
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`${file}: decoded to ${info.channels} channels`);
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** Where each pack's files live on this machine (installed default pack, shared models). */
const PACK_FILES: Record<string, Record<string, string>> = {
  'rollcall-default': {
    'fr_detect.onnx': path.join(REPO_ROOT, 'models/installed/rollcall-default/fr_detect.onnx'),
    'fr_landmark.onnx': path.join(REPO_ROOT, 'models/installed/rollcall-default/fr_landmark.onnx'),
    'fr_feature.onnx': path.join(REPO_ROOT, 'models/installed/rollcall-default/fr_feature.onnx'),
  },
  buffalo_s_int8: {
    'det_500m.onnx': modelPath('scrfd_500m_kps/det_500m.onnx'),
    'mobilefacenet_int8.onnx': modelPath('w600k_mbf_int8/mobilefacenet_int8.onnx'),
  },
};

/** The pack built by hand from its manifest, or undefined when a file is not here. */
export function packIfPresent(name: string): LoadedPack | undefined {
  const files = PACK_FILES[name];
  if (files === undefined || !Object.values(files).every((f) => existsSync(f))) return undefined;

  const raw: unknown = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'models', name, 'manifest.json'), 'utf8'),
  );
  return { manifest: PackManifestSchema.parse(raw), files: new Map(Object.entries(files)) };
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
