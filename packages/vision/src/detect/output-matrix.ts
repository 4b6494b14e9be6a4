import { RollcallError } from '@rollcall/errors';
import type { OnnxTensor } from '../runtime/onnx-session';

/** A model output read as a row-major matrix: `rows` records of `cols` floats each. */
export interface OutputMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/**
 * Reads an output of shape [N, cols] or [1, N, cols] (exports differ in whether they keep
 * the batch dim; the memory layout is the same). Anything else means the decoder and the
 * model disagree, which is a model-pack problem, not bad input.
 */
export function readMatrix(
  outputs: Readonly<Record<string, OnnxTensor>>,
  name: string,
  cols: number,
): OutputMatrix {
  const tensor = outputs[name];
  if (tensor === undefined) {
    throw unexpected(`the model has no output named "${name}"`);
  }

  const dims = tensor.dims;
  const batchFree = dims.length === 3 && dims[0] === 1 ? dims.slice(1) : dims;
  if (batchFree.length !== 2 || batchFree[1] !== cols || !(tensor.data instanceof Float32Array)) {
    throw unexpected(
      `output "${name}" has shape [${dims.join(', ')}] (${tensor.type}); ` +
        `expected float32 [N, ${cols}] or [1, N, ${cols}]`,
    );
  }
  return { rows: batchFree[0] as number, cols, data: tensor.data };
}

export function unexpected(what: string): RollcallError {
  return new RollcallError(
    'MODEL_OUTPUT_UNEXPECTED',
    `${what}: the detector file does not match its manifest "kind"; ` +
      "check the pack's detector.kind and detector.file.",
  );
}
