import { RollcallError } from '@rollcall/errors';

/**
 * The TF.js `*-weights_manifest.json` format: groups of weight entries whose bytes lie, in
 * order, in the group's `.bin` shards. Quantised entries store each value as one uint8 `q`
 * with a per-tensor affine map: value = min + scale * q.
 */
export interface WeightEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32';
  readonly quantization?: { readonly dtype: 'uint8'; readonly scale: number; readonly min: number };
}

export interface WeightGroup {
  readonly paths: readonly string[];
  readonly weights: readonly WeightEntry[];
}

/** Validates a parsed manifest; only what the converter understands is accepted. */
export function parseWeightsManifest(json: unknown): WeightGroup[] {
  if (!Array.isArray(json) || json.length === 0) {
    throw manifestError('the manifest is not a non-empty array of weight groups');
  }
  return json.map((group, g) => parseGroup(group, g));
}

function parseGroup(group: unknown, g: number): WeightGroup {
  const { paths, weights } = (group ?? {}) as { paths?: unknown; weights?: unknown };
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw manifestError(`group ${g} has no list of .bin paths`);
  }
  if (!Array.isArray(weights)) throw manifestError(`group ${g} has no weights list`);
  return { paths, weights: weights.map((w, i) => parseEntry(w, `${g}.${i}`)) };
}

function parseEntry(entry: unknown, where: string): WeightEntry {
  const { name, shape, dtype, quantization } = (entry ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string') throw manifestError(`weight ${where} has no name`);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw manifestError(`weight ${name} has no valid shape`);
  }
  if (dtype !== 'float32') throw manifestError(`weight ${name} has dtype ${String(dtype)}`);
  if (quantization === undefined) return { name, shape, dtype };

  const q = quantization as Record<string, unknown>;
  if (q.dtype !== 'uint8' || typeof q.scale !== 'number' || typeof q.min !== 'number') {
    throw manifestError(`weight ${name}: only uint8 min/scale quantisation is supported`);
  }
  return { name, shape, dtype, quantization: { dtype: 'uint8', scale: q.scale, min: q.min } };
}

function manifestError(what: string): RollcallError {
  return new RollcallError(
    'PACK_SOURCE_FAILED',
    `Unsupported TF.js weights manifest: ${what}. Use the manifest shipped with the ` +
      'pinned package version.',
  );
}
