import { RollcallError } from '@rollcall/errors';
import type { LoadedPack } from '../packs/loaded-pack';
import type { InferenceOptions } from '../runtime/inference-options';
import { FusedRecognizer } from './fused-recognizer';
import { OnnxEmbeddingRecognizer, type RecognizerTuning } from './onnx-embedding-recognizer';

/** Opens every recogniser a pack lists, as one (fused where there are several). */
export async function openPackRecognizer(
  pack: LoadedPack,
  inference?: InferenceOptions,
  tuning?: RecognizerTuning,
): Promise<FusedRecognizer> {
  const specs = pack.manifest.recognizers;
  if (specs.length === 0) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Pack ${pack.manifest.name} has no recogniser (it is detector-only): choose a pack ` +
        'with a recogniser, and pass this one as the detector if you want its detector.',
    );
  }

  const parts: OnnxEmbeddingRecognizer[] = [];
  for (const spec of specs) {
    const file = pack.files.get(spec.file);
    if (file === undefined) {
      throw new RollcallError(
        'PACK_FILE_MISSING',
        `The recogniser needs ${spec.file}, which the loaded pack does not list: add it to ` +
          "the manifest's files (or install the pack again with `rollcall models install`).",
        { details: { file: spec.file } },
      );
    }
    parts.push(await OnnxEmbeddingRecognizer.open(spec, file, inference, tuning));
  }
  return new FusedRecognizer(
    parts,
    specs.map((s) => s.weight),
  );
}
