import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { encodeModel, OnnxGraph } from '../src';
import { encodeModelMessage, readModelMessage } from '../src/onnx/encode-model';
import { calibrateRanges } from '../src/quantise/calibrate';
import { quantiseQdq } from '../src/quantise/qdq-quantise';
import { activationParams, roundHalfEven, WEIGHT_QMAX } from '../src/quantise/quant-params';

/** A deterministic pseudo-random stream (xorshift), so the test model is the same each run. */
function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 2 ** 32) * 2 - 1;
  };
}

// conv 3x3 -> PRelu -> conv 1x1 -> add (residual) -> PRelu -> global pool: the op mix of a
// MobileFaceNet block.
function blockModel(): Uint8Array {
  const r = stream(7);
  const floats = (n: number, k = 0.3) => Float32Array.from({ length: n }, () => r() * k);
  const g = new OnnxGraph('block');
  g.addInput('x', [1, 3, 16, 16]);
  const w1 = g.addFloats('w1', [8, 3, 3, 3], floats(8 * 27));
  const c1 = g.addNode('Conv', ['x', w1, g.addFloats('b1', [8], floats(8, 0.1))], 'c1', {
    kernel_shape: [3, 3],
    pads: [1, 1, 1, 1],
  });
  const p1 = g.addNode('PRelu', [c1, g.addFloats('s1', [8, 1, 1], floats(8, 0.25))], 'p1');
  const w2 = g.addFloats('w2', [8, 8, 1, 1], floats(64));
  const c2 = g.addNode('Conv', [p1, w2, g.addFloats('b2', [8], floats(8, 0.1))], 'c2', {
    kernel_shape: [1, 1],
  });
  const sum = g.addNode('Add', [c2, p1], 'sum');
  const p2 = g.addNode('PRelu', [sum, g.addFloats('s2', [8, 1, 1], floats(8, 0.25))], 'p2');
  const pool = g.addNode('GlobalAveragePool', [p2], 'pool');
  g.addNode('Flatten', [pool], 'y', { axis: 1 });
  g.addOutput('y', [1, 8]);
  return encodeModel(g, { producerName: 'test', producerVersion: '0' });
}

function inputs(count: number, seed: number): Float32Array[] {
  const r = stream(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: 3 * 256 }, () => r()));
}

async function runAll(model: Uint8Array, xs: readonly Float32Array[]): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
  const out: Float32Array[] = [];
  for (const x of xs) {
    const { y } = await session.run({ x: new ort.Tensor('float32', x, [1, 3, 16, 16]) });
    out.push(y?.data as Float32Array);
  }
  await session.release();
  return out;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((v, i) => {
    dot += v * (b[i] as number);
    aa += v * v;
    bb += (b[i] as number) ** 2;
  });
  return dot / Math.sqrt(aa * bb);
}

describe('static QDQ int8 quantisation', () => {
  const model = blockModel();

  it('calibrates every activation but the output, in graph order', async () => {
    const ranges = await calibrateRanges(model, inputs(4, 1), [1, 3, 16, 16]);
    expect(Object.keys(ranges)).toEqual(['x', 'c1', 'p1', 'c2', 'sum', 'p2', 'pool']);
    for (const [lo, hi] of Object.values(ranges)) expect(lo).toBeLessThanOrEqual(hi);
  });

  it('gives the same bytes for the same model and ranges', async () => {
    const ranges = await calibrateRanges(model, inputs(4, 1), [1, 3, 16, 16]);
    const a = encodeModelMessage(quantiseQdq(readModelMessage(model), ranges));
    const b = encodeModelMessage(quantiseQdq(readModelMessage(model), ranges));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('writes int8 weights, int32 biases and a Q/DQ pair per activation', async () => {
    const ranges = await calibrateRanges(model, inputs(4, 1), [1, 3, 16, 16]);
    const q = quantiseQdq(readModelMessage(model), ranges);
    const ops = q.graph.node.map((n) => n.opType);
    expect(ops.filter((o) => o === 'QuantizeLinear')).toHaveLength(7);
    const types = new Map(q.graph.initializer.map((t) => [t.name, t.dataType]));
    expect(types.get('w1_quantized')).toBe(3); // INT8
    expect(types.get('b1_quantized')).toBe(6); // INT32
    expect(types.has('w1')).toBe(false);
    expect(q.opsetImport).toEqual([{ domain: '', version: 13 }]);
  });

  it('stays close to the float model on inputs it was not calibrated on', async () => {
    const ranges = await calibrateRanges(model, inputs(32, 1), [1, 3, 16, 16]);
    const quantised = encodeModelMessage(quantiseQdq(readModelMessage(model), ranges));
    const held = inputs(16, 99);
    const [ref, got] = [await runAll(model, held), await runAll(quantised, held)];
    for (const [i, v] of ref.entries())
      expect(cosine(v, got[i] as Float32Array)).toBeGreaterThan(0.99);
  });

  it('is fused by onnxruntime into QLinearConv and QLinearAdd', async () => {
    const ranges = await calibrateRanges(model, inputs(4, 1), [1, 3, 16, 16]);
    const dir = mkdtempSync(path.join(tmpdir(), 'rollcall-qdq-'));
    try {
      const optimised = path.join(dir, 'optimised.onnx');
      const session = await ort.InferenceSession.create(
        encodeModelMessage(quantiseQdq(readModelMessage(model), ranges)),
        {
          graphOptimizationLevel: 'extended',
          optimizedModelFilePath: optimised,
          logSeverityLevel: 3,
        },
      );
      await session.release();
      const ops = readModelMessage(readFileSync(optimised)).graph.node.map((n) => n.opType);
      expect(ops.filter((o) => o === 'QLinearConv')).toHaveLength(2);
      expect(ops).toContain('QLinearAdd');
      expect(ops).not.toContain('Conv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('quantisation parameters', () => {
  it('keep zero exactly representable and the range widened to include it', () => {
    const { scale, zeroPoint } = activationParams([0.5, 2]);
    expect(zeroPoint).toBe(0);
    expect(scale).toBeCloseTo(2 / 255, 9);
    const mixed = activationParams([-1, 3]);
    expect(mixed.zeroPoint).toBe(roundHalfEven(1 / mixed.scale));
  });

  it('round half to even, as QuantizeLinear does', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4].map(roundHalfEven)).toEqual([
      0, 2, 2, -0, -2, -2, 2,
    ]);
    expect(WEIGHT_QMAX).toBe(64);
  });
});
