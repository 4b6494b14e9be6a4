import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createDetector } from '../../../src/detect/create-detector';
import type { FaceDetector } from '../../../src/detect/face-detector';
import { PackManifestSchema, type DetectorSpec } from '../../../src/packs/manifest';
import { modelPath, REPO_ROOT } from '../../support/data';

/** A detector under test: how to find its files and which spec runs it. */
export interface DetectorCase {
  readonly name: string;
  /** The folder that must exist for the case to run (for skip messages). */
  readonly folder: string;
  readonly spec: DetectorSpec;
  readonly files: ReadonlyMap<string, string>;
  readonly measureOnly: boolean;
  /** What to do when the files are absent (for skip messages). */
  readonly remedy: string;
}

function manifestDetector(pack: string): DetectorSpec {
  const file = path.join(REPO_ROOT, 'models', pack, 'manifest.json');
  return PackManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).detector;
}

const scrfd500m = manifestDetector('buffalo_s_int8');
const scrfd2g = manifestDetector('scrfd_2.5g');
const yunet = manifestDetector('yunet_2023mar');

interface SharedCaseOptions {
  readonly inputSize?: [number, number];
  /** For files no manifest in this repository runs (yet); else the manifest's. */
  readonly scoreThreshold?: number;
  /** Cases measured by the scripts but not asserted by the tests (see decisions doc). */
  readonly measureOnly?: boolean;
}

function sharedCase(
  name: string,
  folder: string,
  file: string,
  base: DetectorSpec,
  options: SharedCaseOptions = {},
): DetectorCase {
  const spec = {
    ...base,
    file,
    ...(options.inputSize ? { inputSize: options.inputSize } : {}),
    ...(options.scoreThreshold ? { scoreThreshold: options.scoreThreshold } : {}),
  } as DetectorSpec;
  return {
    name,
    folder: modelPath(folder),
    spec,
    files: new Map([[file, modelPath(`${folder}/${file}`)]]),
    measureOnly: options.measureOnly ?? false,
    remedy: 'set ROLLCALL_SHARED_MODELS to where the shared models live',
  };
}

/** The default pack, read from its temporary install folder until the installer lands. */
function defaultPackCase(): DetectorCase {
  const folder = path.join(REPO_ROOT, 'models', 'installed', 'rollcall-default');
  const spec = manifestDetector('rollcall-default');
  const names = spec.kind === 'ultraface-landmark68' ? [spec.file, spec.landmarkFile] : [spec.file];
  return {
    name: 'default pack (RFB-320 + 68-pt)',
    folder,
    spec,
    files: new Map(names.map((n) => [n, path.join(folder, n)])),
    measureOnly: false,
    remedy: 'install the default pack into models/installed/rollcall-default',
  };
}

const LIBFD = 'yunet_libfacedetection_train';

/**
 * Every detector the tests and scripts run. Thresholds of the libfacedetection.train
 * exports sit between the best score on dogs.jpg and the worst on a true face, as measured
 * by measure-detectors.ts (docs/decisions/detectors.md); the 320 exports have no such gap.
 */
export const DETECTOR_CASES: readonly DetectorCase[] = [
  defaultPackCase(),
  sharedCase('YuNet 2023mar 640', 'yunet_2023mar', 'face_detection_yunet_2023mar.onnx', yunet),
  sharedCase('YuNet n 640 fixed', LIBFD, 'yunet_n_640_640.onnx', yunet, { scoreThreshold: 0.85 }),
  sharedCase('YuNet n dynamic', LIBFD, 'yunet_n_dynamic.onnx', yunet, { scoreThreshold: 0.85 }),
  sharedCase('YuNet s dynamic', LIBFD, 'yunet_s_dynamic.onnx', yunet),
  sharedCase('YuNet n 320 fixed', LIBFD, 'yunet_n_320_320.onnx', yunet, {
    inputSize: [320, 320],
    scoreThreshold: 0.8,
    measureOnly: true,
  }),
  sharedCase('SCRFD 500m numbered', 'scrfd_500m_kps', 'det_500m.onnx', scrfd500m),
  sharedCase(
    'SCRFD 500m named/dynamic',
    'scrfd_500m_bnkps_dynamic',
    'scrfd_500m_bnkps.onnx',
    scrfd500m,
  ),
  sharedCase('SCRFD 2.5g', 'scrfd_2.5g_kps', 'det_2.5g.onnx', scrfd2g),
];

export function caseAvailable(c: DetectorCase): boolean {
  return [...c.files.values()].every((f) => existsSync(f));
}

export function openCase(c: DetectorCase): Promise<FaceDetector> {
  return createDetector(c.spec, c.files);
}
