import { RollcallError } from '@rollcall/errors';
import { encodeModel } from '../onnx/encode-model';
import { decodeWeights } from '../tfjs/dequantise';
import { parseWeightsManifest } from '../tfjs/weights-manifest';
import { buildDlibResnetGraph } from './dlib-resnet-graph';

/** The npm files this converter reads, by role, as paths inside face-api's tarball. */
export const FACE_API_RECOGNITION_INPUTS = {
  manifest: 'package/model/face_recognition_model-weights_manifest.json',
  weights: 'package/model/face_recognition_model.bin',
} as const;

/**
 * How face-api feeds this net (FaceRecognitionNet.forwardInput): RGB 150x150, the mean
 * below subtracted, then divided by 255 (not 256).
 */
export const FACE_API_RECOGNITION_NORMALISATION = {
  mean: [122.782, 117.001, 104.298] as [number, number, number],
  std: [255, 255, 255] as [number, number, number],
  colorOrder: 'rgb' as const,
};

/**
 * Converts face-api's TF.js recogniser (weights manifest + .bin) into ONNX bytes. The
 * result depends only on the two inputs, so its sha256 can be pinned.
 */
export function convertFaceApiRecognition(manifestJson: Uint8Array, bin: Uint8Array): Uint8Array {
  let manifest: unknown;
  try {
    manifest = JSON.parse(Buffer.from(manifestJson).toString('utf8'));
  } catch (err) {
    throw new RollcallError(
      'PACK_SOURCE_FAILED',
      `${FACE_API_RECOGNITION_INPUTS.manifest} is not JSON; the tarball may be damaged.`,
      { cause: err },
    );
  }

  const weights = decodeWeights(parseWeightsManifest(manifest), bin);
  return encodeModel(buildDlibResnetGraph(weights), {
    producerName: '@rollcall/model-convert',
    producerVersion: '1',
    docString: 'dlib face recognition ResNet v1, from @vladmandic/face-api TF.js weights',
  });
}
