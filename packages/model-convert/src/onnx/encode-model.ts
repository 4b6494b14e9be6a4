import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as protobuf from 'protobufjs';
import type { GraphMessage, OnnxGraph } from './onnx-graph';

/**
 * ONNX IR version 7 is the one that goes with opset 13 (ONNX 1.8); every onnxruntime
 * since 1.6 reads it.
 */
export const IR_VERSION = 7;
export const OPSET = 13;

export interface ModelInfo {
  readonly producerName: string;
  readonly producerVersion: string;
  readonly docString?: string;
}

let modelType: protobuf.Type | undefined;

/** A ModelProto as plain objects, as `readModelMessage` gives and `encodeModelMessage` takes. */
export interface ModelMessage {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  docString: string;
  graph: GraphMessage;
  opsetImport: { domain?: string; version: number }[];
}

export function loadModelType(): protobuf.Type {
  if (modelType === undefined) {
    const proto = readFileSync(path.join(__dirname, 'onnx-subset.proto'), 'utf8');
    modelType = protobuf.parse(proto, { keepCase: false }).root.lookupType('onnx.ModelProto');
  }
  return modelType;
}

/**
 * Serialises a graph as an ONNX ModelProto. protobufjs writes fields in declaration order
 * and the graph keeps insertion order, so the same graph always gives the same bytes, and a
 * sha256 of the output can be pinned in a pack manifest.
 */
export function encodeModel(graph: OnnxGraph, info: ModelInfo): Uint8Array {
  return encodeModelMessage({
    irVersion: IR_VERSION,
    producerName: info.producerName,
    producerVersion: info.producerVersion,
    docString: info.docString ?? '',
    graph: graph.toMessage(),
    opsetImport: [{ domain: '', version: OPSET }],
  });
}

/** Serialises a whole ModelProto; the same message always gives the same bytes. */
export function encodeModelMessage(model: ModelMessage): Uint8Array {
  const type = loadModelType();
  return type.encode(type.fromObject(model)).finish();
}

/**
 * Reads an ONNX file into plain objects (tensor bytes as Uint8Array). Only the fields of
 * `onnx-subset.proto` survive: value_info, metadata and any field it does not declare are
 * dropped, which is harmless for running a graph but means the result is a reduced copy.
 */
export function readModelMessage(bytes: Uint8Array): ModelMessage {
  const type = loadModelType();
  const raw = type.toObject(type.decode(bytes), { longs: Number, arrays: true });
  return raw as ModelMessage;
}

/** Parses bytes written by `encodeModel` back into plain objects (for tests and checks). */
export function decodeModel(bytes: Uint8Array): Record<string, unknown> {
  const type = loadModelType();
  return type.toObject(type.decode(bytes), { longs: Number, bytes: Array, defaults: false });
}
