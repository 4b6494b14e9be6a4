import { RollcallError } from '@rollcall/errors';
import type { DetectorSpec } from '../packs/manifest';
import type { InferenceOptions } from '../runtime/inference-options';
import type { FaceDetector } from './face-detector';
import { ScrfdDetector } from './scrfd/scrfd-detector';
import { UltrafaceDetector, type UltrafaceOptions } from './ultraface/ultraface-detector';
import { YunetDetector } from './yunet/yunet-detector';

/** Choices beyond the manifest, per detector kind; every field has a default. */
export interface DetectorTuning {
  /** For `ultraface-landmark68`. Default: `DEFAULT_ULTRAFACE_OPTIONS`. */
  readonly ultraface?: Partial<UltrafaceOptions>;
}

/**
 * Builds the detector a pack's manifest describes. `files` maps manifest file names to
 * absolute paths (a `LoadedPack`'s `files`). Model sessions are opened here, once, and
 * shared with any other detector or recogniser that uses the same file.
 */
export async function createDetector(
  spec: DetectorSpec,
  files: ReadonlyMap<string, string>,
  inference?: InferenceOptions,
  tuning: DetectorTuning = {},
): Promise<FaceDetector> {
  switch (spec.kind) {
    case 'scrfd':
      return ScrfdDetector.open(spec, fileOf(files, spec.file), inference);
    case 'yunet':
      return YunetDetector.open(spec, fileOf(files, spec.file), inference);
    case 'ultraface-landmark68':
      return UltrafaceDetector.open(
        spec,
        { detector: fileOf(files, spec.file), landmarks: fileOf(files, spec.landmarkFile) },
        inference,
        tuning.ultraface,
      );
  }
}

function fileOf(files: ReadonlyMap<string, string>, name: string): string {
  const file = files.get(name);
  if (file === undefined) {
    throw new RollcallError(
      'PACK_FILE_MISSING',
      `The detector needs ${name}, which the loaded pack does not list: add it to the ` +
        "manifest's files (or install the pack again with `rollcall models install`).",
      { details: { file: name } },
    );
  }
  return file;
}
