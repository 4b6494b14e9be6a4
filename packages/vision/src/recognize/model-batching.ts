import { RollcallError } from '@rollcall/errors';
import type { OnnxSession } from '../runtime/onnx-session';

/** How many crops one run of a recognition model may take, read from the file. */
export interface ModelBatching {
  readonly inputName: string;
  readonly outputName: string;
  /** Undefined where the batch dim is symbolic (any N); else the fixed batch size. */
  readonly fixedBatch: number | undefined;
}

/**
 * Reads the batch dim and the crop size the model declares. A recogniser whose crop size
 * disagrees with the manifest would run on the wrong pixels, so that fails at load time.
 */
export function describeBatching(
  session: OnnxSession,
  inputSize: readonly [number, number],
  file: string,
): ModelBatching {
  const input = session.inputMetadata[0];
  const outputName = session.outputNames[0];
  if (input === undefined || outputName === undefined) {
    throw new RollcallError('MODEL_LOAD_FAILED', `${file} declares no input or no output.`);
  }

  const shape = input.isTensor ? input.shape : [];
  const [batch, , height, width] = shape;
  const declared = typeof width === 'number' && typeof height === 'number';
  if (declared && (width !== inputSize[0] || height !== inputSize[1])) {
    throw new RollcallError(
      'PACK_MANIFEST_INVALID',
      `${file} takes ${width}x${height} crops but the manifest's recognizer inputSize is ` +
        `${inputSize[0]}x${inputSize[1]}: set it to [${width}, ${height}].`,
      { details: { file, declared: [width, height], inputSize } },
    );
  }

  const fixedBatch = typeof batch === 'number' && batch > 0 ? batch : undefined;
  return { inputName: input.name, outputName, fixedBatch };
}
