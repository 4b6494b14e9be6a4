import type { TensorMessage } from '../onnx/onnx-graph';

/** ONNX TensorProto data types the quantiser reads and writes. */
export const FLOAT = 1;
export const UINT8 = 2;
export const INT8 = 3;
export const INT32 = 6;

/** A float32 initialiser's values (raw_data is little-endian; copied so it is aligned). */
export function floatsOf(tensor: TensorMessage): Float32Array {
  if (tensor.dataType !== FLOAT || tensor.rawData === undefined) {
    throw new Error(`initialiser ${tensor.name} is not float32 raw_data`);
  }
  const view = new DataView(tensor.rawData.buffer, tensor.rawData.byteOffset);
  const out = new Float32Array(tensor.rawData.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

export function floatTensor(name: string, dims: readonly number[], v: Float32Array): TensorMessage {
  const raw = new Uint8Array(v.length * 4);
  const view = new DataView(raw.buffer);
  v.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return { name, dims: [...dims], dataType: FLOAT, rawData: raw };
}

export function int8Tensor(name: string, dims: readonly number[], v: Int8Array): TensorMessage {
  return { name, dims: [...dims], dataType: INT8, rawData: new Uint8Array(v.buffer.slice(0)) };
}

export function uint8Tensor(name: string, dims: readonly number[], v: Uint8Array): TensorMessage {
  return { name, dims: [...dims], dataType: UINT8, rawData: Uint8Array.from(v) };
}

export function int32Tensor(name: string, dims: readonly number[], v: Int32Array): TensorMessage {
  const raw = new Uint8Array(v.length * 4);
  const view = new DataView(raw.buffer);
  v.forEach((x, i) => view.setInt32(i * 4, x, true));
  return { name, dims: [...dims], dataType: INT32, rawData: raw };
}
