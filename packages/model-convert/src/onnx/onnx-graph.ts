/**
 * A small in-memory ONNX graph: named inputs and outputs, float and int64 initialisers,
 * and nodes in topological order. It holds plain objects shaped like the messages of
 * `onnx-subset.proto`, so encoding is a single protobufjs call (see `encode-model.ts`).
 */

/** ONNX `TensorProto.DataType` values this writer emits. */
export const ELEM_FLOAT = 1;
export const ELEM_INT64 = 7;

/** `AttributeProto.AttributeType` values. */
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_INTS = 7;

/** A node attribute: an int, a list of ints, or a float (tagged, since JS has one number). */
export type AttributeValue = number | readonly number[] | { readonly float: number };

/** A dimension: a fixed size, or a symbolic name such as `N` for the batch. */
export type Dim = number | string;

export interface TensorMessage {
  name: string;
  dims: number[];
  dataType: number;
  rawData: Uint8Array;
}

interface AttributeMessage {
  name: string;
  type: number;
  i?: number;
  ints?: number[];
  f?: number;
}

export interface NodeMessage {
  name: string;
  opType: string;
  input: string[];
  output: string[];
  attribute: AttributeMessage[];
}

export interface ValueInfoMessage {
  name: string;
  type: { tensorType: { elemType: number; shape: { dim: object[] } } };
}

export interface GraphMessage {
  name: string;
  docString: string;
  node: NodeMessage[];
  initializer: TensorMessage[];
  input: ValueInfoMessage[];
  output: ValueInfoMessage[];
}

export class OnnxGraph {
  private readonly nodes: NodeMessage[] = [];
  private readonly initializers: TensorMessage[] = [];
  private readonly inputs: ValueInfoMessage[] = [];
  private readonly outputs: ValueInfoMessage[] = [];
  private readonly names = new Set<string>();

  constructor(
    readonly name: string,
    readonly docString = '',
  ) {}

  addInput(name: string, dims: readonly Dim[], elemType = ELEM_FLOAT): string {
    this.claim(name);
    this.inputs.push(valueInfo(name, dims, elemType));
    return name;
  }

  addOutput(name: string, dims: readonly Dim[], elemType = ELEM_FLOAT): void {
    this.outputs.push(valueInfo(name, dims, elemType));
  }

  /** Adds a float32 constant; values are written little-endian as ONNX `raw_data` wants. */
  addFloats(name: string, dims: readonly number[], values: Float32Array): string {
    checkCount(name, dims, values.length);
    this.claim(name);
    const raw = new Uint8Array(values.length * 4);
    const view = new DataView(raw.buffer);
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    this.initializers.push({ name, dims: [...dims], dataType: ELEM_FLOAT, rawData: raw });
    return name;
  }

  addInt64s(name: string, values: readonly number[]): string {
    this.claim(name);
    const raw = new Uint8Array(values.length * 8);
    const view = new DataView(raw.buffer);
    values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    this.initializers.push({ name, dims: [values.length], dataType: ELEM_INT64, rawData: raw });
    return name;
  }

  /** Appends a node whose single output is named `output`; returns that name for chaining. */
  addNode(
    opType: string,
    inputs: readonly string[],
    output: string,
    attributes: Readonly<Record<string, AttributeValue>> = {},
  ): string {
    this.claim(output);
    this.nodes.push({
      name: output,
      opType,
      input: [...inputs],
      output: [output],
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    });
    return output;
  }

  toMessage(): GraphMessage {
    return {
      name: this.name,
      docString: this.docString,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
    };
  }

  // A repeated name would silently rewire the graph; fail where it is made instead.
  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`ONNX graph name used twice: ${name}`);
    this.names.add(name);
  }
}

function valueInfo(name: string, dims: readonly Dim[], elemType: number): ValueInfoMessage {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

function attribute(name: string, value: AttributeValue): AttributeMessage {
  if (typeof value === 'number') return { name, type: ATTR_INT, i: value };
  if ('float' in value) return { name, type: ATTR_FLOAT, f: value.float };
  return { name, type: ATTR_INTS, ints: [...value] };
}

function checkCount(name: string, dims: readonly number[], count: number): void {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (expected !== count) {
    throw new Error(`tensor ${name}: ${count} values for dims [${dims.join(', ')}]`);
  }
}
