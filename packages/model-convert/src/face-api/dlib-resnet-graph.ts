import { RollcallError } from '@rollcall/errors';
import { OnnxGraph } from '../onnx/onnx-graph';
import type { DecodedWeight } from '../tfjs/dequantise';

/**
 * The dlib face-recognition ResNet (dlib_face_recognition_resnet_model_v1) as face-api's
 * FaceRecognitionNet runs it, rebuilt as an NCHW ONNX graph:
 *
 *   conv 7x7/2 valid -> max-pool 3/2 -> 3 x res(32) -> down(64) + 3 x res(64)
 *   -> down(128) + 2 x res(128) -> down(256) + 2 x res(256) -> down(256)
 *   -> global average -> fc 256x128
 *
 * Every conv of face-api is conv + bias followed by a per-channel scale and offset (dlib's
 * affine layer, i.e. a frozen batch-norm); here the scale and offset are folded into the
 * conv's weights and bias, which is exact up to float rounding. A "down" block convolves
 * with stride 2 (valid) while its shortcut average-pools 2x2; where the shortcut has fewer
 * channels it is zero-padded on the channel axis, and where the conv branch comes out one
 * pixel smaller it is zero-padded at the bottom and right, as face-api does.
 */

export const DLIB_INPUT_SIZE = 150;
export const DLIB_EMBEDDING_SIZE = 128;

type Weights = ReadonlyMap<string, DecodedWeight>;

interface Tensor {
  readonly name: string;
  readonly channels: number;
  readonly size: number;
}

const STAGES: ReadonlyArray<{ prefix: string; channels: number; down: boolean }> = [
  { prefix: 'conv32_1', channels: 32, down: false },
  { prefix: 'conv32_2', channels: 32, down: false },
  { prefix: 'conv32_3', channels: 32, down: false },
  { prefix: 'conv64_down', channels: 64, down: true },
  { prefix: 'conv64_1', channels: 64, down: false },
  { prefix: 'conv64_2', channels: 64, down: false },
  { prefix: 'conv64_3', channels: 64, down: false },
  { prefix: 'conv128_down', channels: 128, down: true },
  { prefix: 'conv128_1', channels: 128, down: false },
  { prefix: 'conv128_2', channels: 128, down: false },
  { prefix: 'conv256_down', channels: 256, down: true },
  { prefix: 'conv256_1', channels: 256, down: false },
  { prefix: 'conv256_2', channels: 256, down: false },
  { prefix: 'conv256_down_out', channels: 256, down: true },
];

export const DLIB_INPUT_NAME = 'input';
export const DLIB_OUTPUT_NAME = 'embedding';

export function buildDlibResnetGraph(weights: Weights): OnnxGraph {
  const graph = new OnnxGraph(
    'dlib_face_recognition_resnet_v1',
    'Input: N x 3 x 150 x 150 RGB, (pixel - mean) / 255 with mean [122.782, 117.001, ' +
      '104.298]. Output: N x 128 descriptor (not normalised).',
  );
  const input = graph.addInput(DLIB_INPUT_NAME, ['N', 3, DLIB_INPUT_SIZE, DLIB_INPUT_SIZE]);
  let x: Tensor = { name: input, channels: 3, size: DLIB_INPUT_SIZE };

  x = conv(graph, weights, 'conv32_down', x, { kernel: 7, stride: 2, relu: true });
  x = pool(graph, 'MaxPool', 'pool', x, 3, 2);
  for (const stage of STAGES) {
    x = stage.down
      ? residualDown(graph, weights, stage.prefix, x, stage.channels)
      : residual(graph, weights, stage.prefix, x);
  }

  const avg = graph.addNode('GlobalAveragePool', [x.name], 'global_avg');
  const flat = graph.addNode('Flatten', [avg], 'flatten', { axis: 1 });
  const fc = weight(weights, 'fc', [x.channels, DLIB_EMBEDDING_SIZE]);
  const fcName = graph.addFloats('fc/weights', [...fc.shape], fc.values);
  graph.addNode('MatMul', [flat, fcName], DLIB_OUTPUT_NAME);
  graph.addOutput(DLIB_OUTPUT_NAME, ['N', DLIB_EMBEDDING_SIZE]);
  return graph;
}

function residual(graph: OnnxGraph, weights: Weights, prefix: string, x: Tensor): Tensor {
  const a = conv(graph, weights, `${prefix}/conv1`, x, { kernel: 3, stride: 1, relu: true });
  const b = conv(graph, weights, `${prefix}/conv2`, a, { kernel: 3, stride: 1, relu: false });
  const sum = graph.addNode('Add', [b.name, x.name], `${prefix}/add`);
  return { ...b, name: graph.addNode('Relu', [sum], `${prefix}/relu`) };
}

function residualDown(
  graph: OnnxGraph,
  weights: Weights,
  prefix: string,
  x: Tensor,
  channels: number,
): Tensor {
  const a = conv(graph, weights, `${prefix}/conv1`, x, { kernel: 3, stride: 2, relu: true });
  let b = conv(graph, weights, `${prefix}/conv2`, a, { kernel: 3, stride: 1, relu: false });
  let shortcut = pool(graph, 'AveragePool', `${prefix}/shortcut`, x, 2, 2);

  // (8 - 3) / 2 + 1 = 3 for the conv but 8 / 2 = 4 for the pool: pad the conv branch.
  if (b.size < shortcut.size) {
    const grow = shortcut.size - b.size;
    const name = pad(graph, `${prefix}/pad_hw`, b.name, [0, 0, 0, 0, 0, 0, grow, grow]);
    b = { ...b, name, size: shortcut.size };
  }
  if (shortcut.channels < channels) {
    const extra = channels - shortcut.channels;
    const name = pad(graph, `${prefix}/pad_c`, shortcut.name, [0, 0, 0, 0, 0, extra, 0, 0]);
    shortcut = { name, channels, size: shortcut.size };
  }
  if (b.size !== shortcut.size || b.channels !== shortcut.channels) {
    throw new RollcallError('PACK_SOURCE_FAILED', `dlib ResNet: ${prefix} branches disagree`);
  }

  const sum = graph.addNode('Add', [shortcut.name, b.name], `${prefix}/add`);
  return { ...b, name: graph.addNode('Relu', [sum], `${prefix}/relu`) };
}

interface ConvShape {
  readonly kernel: number;
  readonly stride: number;
  readonly relu: boolean;
}

/** conv + bias + per-channel scale/offset (+ relu); stride 1 pads "same", stride 2 "valid". */
function conv(graph: OnnxGraph, weights: Weights, prefix: string, x: Tensor, s: ConvShape) {
  const filters = weight(weights, `${prefix}/conv/filters`, [s.kernel, s.kernel, x.channels]);
  const out = filters.shape[3] as number;
  const bias = weight(weights, `${prefix}/conv/bias`, [out]);
  const scale = weight(weights, `${prefix}/scale/weights`, [out]);
  const offset = weight(weights, `${prefix}/scale/biases`, [out]);

  const folded = foldConv(filters, bias.values, scale.values, offset.values);
  const w = graph.addFloats(`${prefix}/weights`, folded.shape, folded.weights);
  const b = graph.addFloats(`${prefix}/bias`, [out], folded.bias);
  const p = s.stride === 1 ? (s.kernel - 1) / 2 : 0;
  const y = graph.addNode('Conv', [x.name, w, b], `${prefix}/conv`, {
    kernel_shape: [s.kernel, s.kernel],
    strides: [s.stride, s.stride],
    pads: [p, p, p, p],
  });

  const size = Math.floor((x.size + 2 * p - s.kernel) / s.stride) + 1;
  const name = s.relu ? graph.addNode('Relu', [y], `${prefix}/relu`) : y;
  return { name, channels: out, size };
}

/**
 * HWIO filters to OIHW, each output channel multiplied by its scale; bias becomes
 * bias * scale + offset. Products are taken in double precision, then rounded once.
 */
export function foldConv(
  filters: DecodedWeight,
  bias: Float32Array,
  scale: Float32Array,
  offset: Float32Array,
): { shape: number[]; weights: Float32Array; bias: Float32Array } {
  const [kh, kw, cin, cout] = filters.shape as [number, number, number, number];
  const weights = new Float32Array(filters.values.length);
  for (let o = 0; o < cout; o++) {
    const k = scale[o] as number;
    for (let i = 0; i < cin; i++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          const from = ((y * kw + x) * cin + i) * cout + o;
          weights[((o * cin + i) * kh + y) * kw + x] = (filters.values[from] as number) * k;
        }
      }
    }
  }
  const foldedBias = bias.map((b, o) => b * (scale[o] as number) + (offset[o] as number));
  return { shape: [cout, cin, kh, kw], weights, bias: foldedBias };
}

function pool(graph: OnnxGraph, op: string, name: string, x: Tensor, k: number, s: number) {
  const out = graph.addNode(op, [x.name], name, { kernel_shape: [k, k], strides: [s, s] });
  return { name: out, channels: x.channels, size: Math.floor((x.size - k) / s) + 1 };
}

function pad(graph: OnnxGraph, name: string, input: string, pads: number[]): string {
  const amounts = graph.addInt64s(`${name}/pads`, pads);
  return graph.addNode('Pad', [input, amounts], name);
}

/** A weight by name, checked against the leading dimensions the architecture implies. */
function weight(weights: Weights, name: string, leading: readonly number[]): DecodedWeight {
  const w = weights.get(name);
  if (w === undefined) {
    throw new RollcallError('PACK_SOURCE_FAILED', `dlib ResNet weights lack ${name}`);
  }
  if (leading.some((d, i) => w.shape[i] !== d)) {
    throw new RollcallError(
      'PACK_SOURCE_FAILED',
      `dlib ResNet weight ${name} has shape [${w.shape.join(', ')}], expected it to start ` +
        `with [${leading.join(', ')}]`,
    );
  }
  return w;
}
