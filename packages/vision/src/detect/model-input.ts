import { RollcallError } from '@rollcall/errors';
import type { OnnxSession } from '../runtime/onnx-session';

/** The image input of a detector model, as the file declares it. */
export interface ModelInput {
  readonly name: string;
  /** Declared [width, height], or undefined where the model takes any size. */
  readonly fixedSize: readonly [number, number] | undefined;
}

/** Reads the first input's name and, when its H and W dims are numbers, its fixed size. */
export function describeInput(session: OnnxSession): ModelInput {
  const meta = session.inputMetadata[0];
  if (meta === undefined) {
    throw new RollcallError('MODEL_LOAD_FAILED', 'The detector model declares no input.');
  }

  const shape = meta.isTensor ? meta.shape : [];
  const height = shape[2];
  const width = shape[3];
  const fixedSize =
    typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0
      ? ([width, height] as const)
      : undefined;
  return { name: meta.name, fixedSize };
}

/**
 * The canvas a detector runs on. A fixed-size model runs at its declared size, which must
 * equal the manifest's; a dynamic one runs at the manifest's size at most.
 */
export function checkInputSize(
  input: ModelInput,
  inputSize: readonly [number, number],
  file: string,
): void {
  const fixed = input.fixedSize;
  if (fixed !== undefined && (fixed[0] !== inputSize[0] || fixed[1] !== inputSize[1])) {
    throw new RollcallError(
      'PACK_MANIFEST_INVALID',
      `${file} takes a fixed ${fixed[0]}x${fixed[1]} input but the manifest's ` +
        `detector.inputSize is ${inputSize[0]}x${inputSize[1]}: set it to ` +
        `[${fixed[0]}, ${fixed[1]}].`,
      { details: { file, fixedSize: fixed, inputSize } },
    );
  }
}
