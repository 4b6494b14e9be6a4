import * as ort from 'onnxruntime-node';
import { decodeModel, encodeModel, IR_VERSION, OnnxGraph, OPSET } from '../src';

// A graph that uses every construct the converter writes: float and int64 initialisers,
// int, ints and axis attributes, a symbolic batch dimension.
function smallGraph(): OnnxGraph {
  const g = new OnnxGraph('small');
  g.addInput('x', ['N', 1, 2, 2]);
  const w = g.addFloats('w', [2, 1, 1, 1], Float32Array.from([2, -1]));
  const b = g.addFloats('b', [2], Float32Array.from([0.5, 0]));
  const conv = g.addNode('Conv', ['x', w, b], 'conv', { kernel_shape: [1, 1], strides: [1, 1] });
  const relu = g.addNode('Relu', [conv], 'relu');
  const pads = g.addInt64s('pads', [0, 0, 0, 0, 0, 1, 0, 0]);
  const padded = g.addNode('Pad', [relu, pads], 'padded');
  const avg = g.addNode('GlobalAveragePool', [padded], 'avg');
  g.addNode('Flatten', [avg], 'y', { axis: 1 });
  g.addOutput('y', ['N', 3]);
  return g;
}

const info = { producerName: 'test', producerVersion: '0' };

describe('ONNX writer', () => {
  it('writes a model that onnxruntime runs with the expected result', async () => {
    const session = await ort.InferenceSession.create(encodeModel(smallGraph(), info));
    const x = new ort.Tensor('float32', Float32Array.from([1, 2, 3, -4, 0, 1, 1, 1]), [2, 1, 2, 2]);
    const { y } = await session.run({ x });

    // Image 1: channel 0 = relu(2v + 0.5) -> mean of [2.5, 4.5, 6.5, 0] = 3.375;
    // channel 1 = relu(-v) -> mean of [0, 0, 0, 4] = 1; channel 2 is padding.
    expect(y?.dims).toEqual([2, 3]);
    const got = Array.from(y?.data as Float32Array);
    const want = [3.375, 1, 0, (0.5 + 2.5 * 3) / 4, 0, 0];
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 6));
    await session.release();
  });

  it('writes the same bytes every time, with IR 7 and opset 13', () => {
    const a = encodeModel(smallGraph(), info);
    const b = encodeModel(smallGraph(), info);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);

    const decoded = decodeModel(a) as { irVersion: number; opsetImport: { version: number }[] };
    expect(decoded.irVersion).toBe(IR_VERSION);
    expect(decoded.opsetImport[0]?.version).toBe(OPSET);
  });

  it('refuses a name used twice and a tensor whose values do not fill its dims', () => {
    const g = new OnnxGraph('bad');
    g.addInput('x', [1]);
    expect(() => g.addNode('Relu', ['x'], 'x')).toThrow(/used twice/);
    expect(() => g.addFloats('w', [2, 2], new Float32Array(3))).toThrow(/3 values/);
  });
});
