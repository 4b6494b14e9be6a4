/**
 * Converters turn files taken from npm packages into the model file a pack needs (e.g.
 * TF.js weights into ONNX). A manifest names one by `source.converter`; the installer is
 * given the registry, so `@rollcall/vision` does not depend on the converting code.
 */
export interface ConverterInput {
  /** Extracted input files, keyed by their path inside the tarball. */
  readonly files: ReadonlyMap<string, string>;
  /** Where to write the converted model. */
  readonly output: string;
  /** The manifest source's `options`, as they are. */
  readonly options: Readonly<Record<string, unknown>>;
}

export type PackConverter = (input: ConverterInput) => Promise<void>;

export type ConverterRegistry = ReadonlyMap<string, PackConverter>;

export const NO_CONVERTERS: ConverterRegistry = new Map();
