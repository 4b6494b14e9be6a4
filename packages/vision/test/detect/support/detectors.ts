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
}

function manifestDetector(pack: string): DetectorSpec {
  const file = path.join(REPO_ROOT, 'models', pack, 'manifest.json');
  return PackManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).detector;
}

const scrfd = manifestDetector('scrfd_2.5g');
const yunet = manifestDetector('yunet_2023mar');

function sharedCase(
  name: string,
  folder: string,
  file: string,
  base: DetectorSpec,
  inputSize?: [number, number],
): DetectorCase {
  const spec = { ...base, file, ...(inputSize ? { inputSize } : {}) } as DetectorSpec;
  return {
    name,
    folder: modelPath(folder),
    spec,
    files: new Map([[file, modelPath(`${folder}/${file}`)]]),
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
  };
}

export const DETECTOR_CASES: readonly DetectorCase[] = [
  defaultPackCase(),
  sharedCase('YuNet 2023mar 640', 'yunet_2023mar', 'face_detection_yunet_2023mar.onnx', yunet),
  sharedCase(
    'YuNet n 320 fixed',
    'yunet_libfacedetection_train',
    'yunet_n_320_320.onnx',
    yunet,
    [320, 320],
  ),
  sharedCase('YuNet n dynamic', 'yunet_libfacedetection_train', 'yunet_n_dynamic.onnx', yunet),
  sharedCase('YuNet s dynamic', 'yunet_libfacedetection_train', 'yunet_s_dynamic.onnx', yunet),
  sharedCase('SCRFD 500m numbered', 'scrfd_500m_kps', 'det_500m.onnx', scrfd),
  sharedCase(
    'SCRFD 500m named/dynamic',
    'scrfd_500m_bnkps_dynamic',
    'scrfd_500m_bnkps.onnx',
    scrfd,
  ),
  sharedCase('SCRFD 2.5g', 'scrfd_2.5g_kps', 'det_2.5g.onnx', scrfd),
];

export function caseAvailable(c: DetectorCase): boolean {
  return [...c.files.values()].every((f) => existsSync(f));
}

export function openCase(c: DetectorCase): Promise<FaceDetector> {
  return createDetector(c.spec, c.files);
}
