import { RollcallError } from '@rollcall/errors';
import {
  convertFaceApiRecognition,
  FACE_API_RECOGNITION_INPUTS,
} from './face-api/convert-face-recognition';

/**
 * Every conversion a pack manifest may name (`"kind": "npm-converted"`, `converter`).
 * A converter takes its input files by role and returns the bytes of one model file.
 * Changing a converter's output changes the file's sha256: give it a new name instead.
 */
export interface Converter {
  /** Role -> path inside the npm tarball that the converter expects for it. */
  readonly inputs: Readonly<Record<string, string>>;
  convert(inputs: Readonly<Record<string, Uint8Array>>): Uint8Array;
}

export const CONVERTERS: Readonly<Record<string, Converter>> = {
  'face-api-dlib-resnet-v1': {
    inputs: FACE_API_RECOGNITION_INPUTS,
    convert: (inputs) =>
      convertFaceApiRecognition(required(inputs, 'manifest'), required(inputs, 'weights')),
  },
};

/** Runs a converter by name; `inputs` maps each of its roles to that file's bytes. */
export function runConverter(
  name: string,
  inputs: Readonly<Record<string, Uint8Array>>,
): Uint8Array {
  const converter = CONVERTERS[name];
  if (converter === undefined) {
    throw new RollcallError(
      'PACK_SOURCE_FAILED',
      `Unknown model converter "${name}"; known: ${Object.keys(CONVERTERS).join(', ')}.`,
    );
  }
  return converter.convert(inputs);
}

function required(inputs: Readonly<Record<string, Uint8Array>>, role: string): Uint8Array {
  const bytes = inputs[role];
  if (bytes === undefined) {
    throw new RollcallError('PACK_SOURCE_FAILED', `Model converter input "${role}" is missing.`);
  }
  return bytes;
}
