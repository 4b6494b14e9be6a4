/**
 * An independent forward pass of face-api's FaceRecognitionNet in TF.js (CPU backend), used
 * only to check the ONNX conversion. It reads the weights with TF.js's own decoder and runs
 * the layers exactly as face-api does: NHWC, conv + bias, then the separate scale and
 * offset (nothing folded), TF "same"/"valid" padding, face-api's shortcut padding.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { RgbImage } from '@rollcall/vision';

type Weights = tf.NamedTensorMap;

export async function loadReference(manifestFile: string, binFile: string): Promise<Weights> {
  await tf.setBackend('cpu');
  const groups = JSON.parse(readFileSync(manifestFile, 'utf8')) as tf.io.WeightsManifestConfig;
  const bin = readFileSync(binFile);
  const specs = groups.flatMap((g) => g.weights);
  const buffer = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  return tf.io.decodeWeights(buffer, specs);
}

/** Descriptors (unnormalised, 128-D) of 150x150 RGB crops, as face-api computes them. */
export function referenceDescriptors(weights: Weights, crops: readonly RgbImage[]): Float32Array[] {
  return tf.tidy(() => {
    const batch = tf.stack(
      crops.map((c) => tf.tensor3d(Float32Array.from(c.data), [c.height, c.width, 3])),
    ) as tf.Tensor4D;
    const mean = tf.tensor1d([122.782, 117.001, 104.298]);
    let x = tf.div(tf.sub(batch, mean), 255) as tf.Tensor4D;

    x = layer(weights, 'conv32_down', x, 2, true);
    x = tf.maxPool(x, 3, 2, 'valid');
    for (const p of ['conv32_1', 'conv32_2', 'conv32_3']) x = block(weights, p, x);
    x = down(weights, 'conv64_down', x);
    for (const p of ['conv64_1', 'conv64_2', 'conv64_3']) x = block(weights, p, x);
    x = down(weights, 'conv128_down', x);
    for (const p of ['conv128_1', 'conv128_2']) x = block(weights, p, x);
    x = down(weights, 'conv256_down', x);
    for (const p of ['conv256_1', 'conv256_2']) x = block(weights, p, x);
    x = down(weights, 'conv256_down_out', x);

    const out = tf.matMul(tf.mean(x, [1, 2]) as tf.Tensor2D, weights.fc as tf.Tensor2D);
    const flat = out.dataSync() as Float32Array;
    return crops.map((_, i) => flat.slice(i * 128, (i + 1) * 128));
  });
}

function layer(w: Weights, prefix: string, x: tf.Tensor4D, stride: 1 | 2, relu: boolean) {
  const filters = w[`${prefix}/conv/filters`] as tf.Tensor4D;
  let y = tf.conv2d(x, filters, stride, stride === 2 ? 'valid' : 'same');
  y = tf.add(y, w[`${prefix}/conv/bias`] as tf.Tensor1D);
  y = tf.add(tf.mul(y, w[`${prefix}/scale/weights`] as tf.Tensor1D), w[`${prefix}/scale/biases`]!);
  return (relu ? tf.relu(y) : y) as tf.Tensor4D;
}

function block(w: Weights, prefix: string, x: tf.Tensor4D): tf.Tensor4D {
  const a = layer(w, `${prefix}/conv1`, x, 1, true);
  const b = layer(w, `${prefix}/conv2`, a, 1, false);
  return tf.relu(tf.add(b, x)) as tf.Tensor4D;
}

function down(w: Weights, prefix: string, x: tf.Tensor4D): tf.Tensor4D {
  const a = layer(w, `${prefix}/conv1`, x, 2, true);
  let b = layer(w, `${prefix}/conv2`, a, 1, false);
  let pooled = tf.avgPool(x, 2, 2, 'valid') as tf.Tensor4D;

  const [, ph, pw, pc] = pooled.shape;
  const [, bh, bw, bc] = b.shape;
  if (bh < ph || bw < pw)
    b = tf.pad(b, [
      [0, 0],
      [0, ph - bh],
      [0, pw - bw],
      [0, 0],
    ]);
  if (pc < bc)
    pooled = tf.pad(pooled, [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, bc - pc],
    ]);
  return tf.relu(tf.add(pooled, b)) as tf.Tensor4D;
}
