import { RollcallError } from '@rollcall/errors';
import type { ModelMessage } from '../onnx/encode-model';
import type { NodeMessage, TensorMessage } from '../onnx/onnx-graph';
import { activationParams, quantiseBias, quantiseWeights, weightScales } from './quant-params';
import type { Range } from './quant-params';
import { floatsOf, floatTensor, int32Tensor, int8Tensor, uint8Tensor } from './tensor-bytes';

/** Calibrated [min, max] per activation tensor name (graph inputs and node outputs). */
export type ActivationRanges = Readonly<Record<string, Range>>;

/** Per-channel QuantizeLinear / DequantizeLinear (the `axis` attribute) need opset 13. */
const QDQ_OPSET = 13;

/**
 * Static QDQ quantisation of a float Conv network: every activation (the graph input and
 * every node output but the graph's outputs) gets a QuantizeLinear -> DequantizeLinear pair
 * with uint8 parameters from its calibrated range; Conv weights become int8 with one
 * symmetric scale per output channel, biases int32 at input scale x weight scale. The graph
 * stays a float graph on the outside; onnxruntime fuses DQ -> Conv -> Q into QLinearConv and
 * DQ -> Add -> Q into QLinearAdd, and runs the other ops (PRelu) in float between a DQ and
 * a Q. The result depends only on the model and the ranges, so its bytes can be pinned.
 */
export function quantiseQdq(model: ModelMessage, ranges: ActivationRanges): ModelMessage {
  const graph = model.graph;
  const initialisers = new Map(graph.initializer.map((t) => [t.name, t]));
  const outputs = new Set(graph.output.map((o) => o.name));
  const activations = new Set(
    [...graph.input.map((i) => i.name), ...graph.node.flatMap((n) => n.output)].filter(
      (name) => !initialisers.has(name) && !outputs.has(name),
    ),
  );

  const extra: TensorMessage[] = [];
  const replaced = new Map<string, TensorMessage[]>();
  const nodes: NodeMessage[] = [];
  const params = (name: string) => activationParams(rangeOf(ranges, name));

  const addQdq = (name: string) => {
    const { scale, zeroPoint } = params(name);
    extra.push(
      floatTensor(`${name}_scale`, [], Float32Array.of(scale)),
      uint8Tensor(`${name}_zero_point`, [], Uint8Array.of(zeroPoint)),
    );
    const qp = [`${name}_scale`, `${name}_zero_point`];
    nodes.push(node('QuantizeLinear', [name, ...qp], `${name}_quantized`));
    nodes.push(node('DequantizeLinear', [`${name}_quantized`, ...qp], `${name}_dq`));
  };

  for (const input of graph.input) if (activations.has(input.name)) addQdq(input.name);
  for (const original of graph.node) {
    const input = original.input.map((name) => (activations.has(name) ? `${name}_dq` : name));
    if (original.opType === 'Conv') {
      const [x, w, b] = original.input;
      input[1] = quantiseConvWeight(initialisers, w, b, params(x!).scale, nodes, replaced);
      if (b !== undefined && b !== '') input[2] = `${b}_dq`;
    }
    nodes.push({ ...original, input });
    for (const out of original.output) if (activations.has(out)) addQdq(out);
  }

  const initializer = graph.initializer.flatMap((t) => replaced.get(t.name) ?? [t]);
  return {
    ...model,
    irVersion: Math.max(model.irVersion, 7),
    producerName: '@rollcall/model-convert',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: QDQ_OPSET }],
    graph: { ...graph, node: nodes, initializer: [...initializer, ...extra] },
  };
}

/** int8 weights (and int32 bias) with their DequantizeLinear nodes; returns the weight's. */
function quantiseConvWeight(
  initialisers: ReadonlyMap<string, TensorMessage>,
  weightName: string | undefined,
  biasName: string | undefined,
  inputScale: number,
  nodes: NodeMessage[],
  replaced: Map<string, TensorMessage[]>,
): string {
  const weight = weightName === undefined ? undefined : initialisers.get(weightName);
  if (weight === undefined || replaced.has(weight.name)) {
    throw quantiseError(`Conv weight ${weightName ?? '?'} is not a float initialiser of its own`);
  }
  const channels = weight.dims[0] as number;
  const values = floatsOf(weight);
  const scales = weightScales(values, channels);
  const w = weight.name;
  replaced.set(w, [
    int8Tensor(`${w}_quantized`, weight.dims, quantiseWeights(values, scales)),
    floatTensor(`${w}_scale`, [channels], scales),
    int8Tensor(`${w}_zero_point`, [channels], new Int8Array(channels)),
  ]);
  const axis = { name: 'axis', type: 2, i: 0 };
  nodes.push({
    ...node('DequantizeLinear', [`${w}_quantized`, `${w}_scale`, `${w}_zero_point`], `${w}_dq`),
    attribute: [axis],
  });

  const bias = biasName === undefined || biasName === '' ? undefined : initialisers.get(biasName);
  if (bias !== undefined) {
    const b = bias.name;
    const q = quantiseBias(floatsOf(bias), inputScale, scales);
    replaced.set(b, [
      int32Tensor(`${b}_quantized`, bias.dims, q.values),
      floatTensor(`${b}_scale`, [channels], q.scales),
      int32Tensor(`${b}_zero_point`, [channels], new Int32Array(channels)),
    ]);
    nodes.push({
      ...node('DequantizeLinear', [`${b}_quantized`, `${b}_scale`, `${b}_zero_point`], `${b}_dq`),
      attribute: [axis],
    });
  }
  return `${w}_dq`;
}

function node(opType: string, input: string[], output: string): NodeMessage {
  return { name: output, opType, input, output: [output], attribute: [] };
}

function rangeOf(ranges: ActivationRanges, name: string): Range {
  const range = ranges[name];
  if (range === undefined) {
    throw quantiseError(`no calibrated range for activation ${name}: recalibrate the model`);
  }
  return range;
}

function quantiseError(what: string): RollcallError {
  return new RollcallError('PACK_SOURCE_FAILED', `Cannot quantise the model: ${what}.`);
}
