import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import * as tf from '@tensorflow/tfjs';
import type { RgbImage } from '@rollcall/vision';
import { decodeImage, cropAndResize, toChw } from '@rollcall/vision';
import {
  convertFaceApiRecognition,
  decodeWeights,
  FACE_API_RECOGNITION_NORMALISATION,
  parseWeightsManifest,
} from '../src';
import { describeIfFaceApi, faceApiPath } from './support/face-api-files';
import { loadReference, referenceDescriptors } from './support/face-api-reference';

const DATA_DIR = path.resolve(
  process.env.ROLLCALL_DATA_DIR ?? path.join(__dirname, '..', '..', '..', '..', 'shared', 'data'),
);
const LFW = path.join(DATA_DIR, 'lfw-deepfunneled', 'images');

// Deep-funneled LFW is already aligned: the face fills roughly the centre 126 px of 250.
const FACES = [
  'Aaron_Peirsol_0001',
  'Aaron_Peirsol_0002',
  'Abdullah_Gul_0001',
  'Serena_Williams_0003',
];

async function lfwCrop(stem: string): Promise<RgbImage> {
  const name = stem.replace(/_\d{4}$/, '');
  const image = await decodeImage(readFileSync(path.join(LFW, name, `${stem}.jpg`)));
  return cropAndResize(image, { x: 62, y: 62, width: 126, height: 126 }, 150, 150);
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((v, i) => {
    const w = b[i] as number;
    dot += v * w;
    na += v * v;
    nb += w * w;
  });
  return dot / Math.sqrt(na * nb);
}

describeIfFaceApi("face-api's dlib ResNet converted to ONNX", () => {
  const manifestFile = faceApiPath('model/face_recognition_model-weights_manifest.json');
  const binFile = faceApiPath('model/face_recognition_model.bin');
  let onnx: Uint8Array;

  beforeAll(() => {
    onnx = convertFaceApiRecognition(readFileSync(manifestFile), readFileSync(binFile));
  });

  it('dequantises exactly as TF.js does', async () => {
    const ours = decodeWeights(
      parseWeightsManifest(JSON.parse(readFileSync(manifestFile, 'utf8'))),
      readFileSync(binFile),
    );
    const theirs = await loadReference(manifestFile, binFile);

    expect([...ours.keys()].sort()).toEqual(Object.keys(theirs).sort());
    for (const [name, weight] of ours) {
      const reference = theirs[name] as tf.Tensor;
      expect(weight.shape).toEqual(reference.shape);
      expect(
        Buffer.from(weight.values.buffer).equals(Buffer.from(reference.dataSync().buffer)),
      ).toBe(true);
    }
    tf.dispose(Object.values(theirs));
  });

  it('gives the same bytes on every conversion', () => {
    const again = convertFaceApiRecognition(readFileSync(manifestFile), readFileSync(binFile));
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(again)).toBe(sha(onnx));
  });

  it('matches the TF.js forward pass on LFW faces', async () => {
    const crops = await Promise.all(FACES.map(lfwCrop));
    const weights = await loadReference(manifestFile, binFile);
    const expected = referenceDescriptors(weights, crops);
    tf.dispose(Object.values(weights));

    const session = await ort.InferenceSession.create(onnx);
    const input = new Float32Array(crops.length * 3 * 150 * 150);
    crops.forEach((c, i) => input.set(toChw(c, FACE_API_RECOGNITION_NORMALISATION), i * 3 * 22500));
    const { embedding } = await session.run({
      input: new ort.Tensor('float32', input, [crops.length, 3, 150, 150]),
    });
    await session.release();
    const got = embedding?.data as Float32Array;

    let maxDiff = 0;
    expected.forEach((want, i) => {
      const mine = got.slice(i * 128, (i + 1) * 128);
      want.forEach((v, k) => (maxDiff = Math.max(maxDiff, Math.abs(v - (mine[k] as number)))));
      expect(cosine(mine, want)).toBeGreaterThan(0.99999);
    });
    console.log(`dlib ONNX vs TF.js on ${crops.length} LFW crops: max abs diff ${maxDiff}`);
    // dlib descriptors have components of about 0.1; float32 reordering stays near 1e-6.
    expect(maxDiff).toBeLessThan(1e-4);

    // Different people must stay apart and the same person close, or the test proves little.
    const same = cosine(expected[0] as Float32Array, expected[1] as Float32Array);
    const other = cosine(expected[0] as Float32Array, expected[3] as Float32Array);
    expect(same).toBeGreaterThan(other);
  }, 120_000);
});
