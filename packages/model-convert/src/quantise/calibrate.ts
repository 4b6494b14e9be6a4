import * as ort from 'onnxruntime-node';
import { encodeModelMessage, readModelMessage } from '../onnx/encode-model';
import type { ActivationRanges } from './qdq-quantise';

/**
 * Min/max calibration: runs the float model on each input with every activation exposed as
 * an output, and keeps each tensor's smallest and largest value over all inputs (the
 * "MinMax" method of onnxruntime's quantiser). Keys are in graph order, so the JSON written
 * from the result is the same for the same inputs.
 */
export async function calibrateRanges(
  modelBytes: Uint8Array,
  inputs: readonly Float32Array[],
  dims: readonly number[],
): Promise<ActivationRanges> {
  const model = readModelMessage(modelBytes);
  const { graph } = model;
  const initialisers = new Set(graph.initializer.map((t) => t.name));
  const finals = new Set(graph.output.map((o) => o.name));
  const names = [...graph.input.map((i) => i.name), ...graph.node.flatMap((n) => n.output)].filter(
    (n) => !initialisers.has(n) && !finals.has(n),
  );
  const probe = encodeModelMessage({
    ...model,
    graph: {
      ...graph,
      output: [
        ...graph.output,
        ...names.map((name) => ({ name, type: { tensorType: { elemType: 1 } } })),
      ] as typeof graph.output,
    },
  });

  const session = await ort.InferenceSession.create(probe, {
    intraOpNumThreads: 1,
    graphOptimizationLevel: 'disabled',
  });
  const inputName = session.inputNames[0] as string;
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  try {
    for (const data of inputs) {
      const out = await session.run({ [inputName]: new ort.Tensor('float32', data, dims) });
      for (const name of names) {
        const values = name === inputName ? data : (out[name]?.data as Float32Array);
        let min = lo.get(name) ?? Infinity;
        let max = hi.get(name) ?? -Infinity;
        for (const v of values) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
        lo.set(name, min);
        hi.set(name, max);
      }
    }
  } finally {
    await session.release();
  }
  return Object.fromEntries(names.map((n) => [n, [lo.get(n) as number, hi.get(n) as number]]));
}
