/**
 * The arithmetic of int8 quantisation, as onnxruntime's QuantizeLinear defines it:
 * `q = saturate(round_half_even(x / scale) + zeroPoint)`, `x ~ (q - zeroPoint) * scale`.
 * Scales are float32 in the file, so every scale is rounded to float32 before use.
 */

/** uint8 activation parameters: asymmetric, zero exactly representable (Conv pads with 0). */
export interface ActivationParams {
  readonly scale: number;
  readonly zeroPoint: number;
}

/** [min, max] seen for one tensor during calibration. */
export type Range = readonly [number, number];

/**
 * Weights use 7 bits (-64..64) rather than 8. x86 CPUs without VNNI multiply u8 x s8 pairs
 * into 16-bit sums (vpmaddubsw), which 255 * 127 * 2 overflows and 255 * 64 * 2 does not;
 * onnxruntime's own quantiser calls this `reduce_range`. With it the model gives the same
 * embeddings on every x86 machine, VNNI or not.
 */
export const WEIGHT_QMAX = 64;

export function activationParams([lo, hi]: Range): ActivationParams {
  // Widen to include 0, and never a zero-width range.
  const min = Math.min(lo, 0);
  const max = Math.max(hi, 0);
  const scale = Math.fround(max > min ? (max - min) / 255 : 1);
  const zeroPoint = clamp(roundHalfEven((0 - min) / scale), 0, 255);
  return { scale, zeroPoint };
}

/** Per-output-channel symmetric int8 scales of a weight tensor laid out [C, ...]. */
export function weightScales(weights: Float32Array, channels: number): Float32Array {
  const per = weights.length / channels;
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let absMax = 0;
    for (let i = c * per; i < (c + 1) * per; i++) absMax = Math.max(absMax, Math.abs(weights[i]!));
    scales[c] = absMax > 0 ? absMax / WEIGHT_QMAX : 1;
  }
  return scales;
}

export function quantiseWeights(weights: Float32Array, scales: Float32Array): Int8Array {
  const per = weights.length / scales.length;
  const out = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const q = roundHalfEven(weights[i]! / scales[Math.floor(i / per)]!);
    out[i] = clamp(q, -WEIGHT_QMAX, WEIGHT_QMAX);
  }
  return out;
}

/**
 * Bias as int32 at scale `inputScale * weightScale[c]`, what QLinearConv adds to its
 * integer accumulator. Returns the values and the per-channel scales (float32).
 */
export function quantiseBias(
  bias: Float32Array,
  inputScale: number,
  weightScale: Float32Array,
): { values: Int32Array; scales: Float32Array } {
  const scales = new Float32Array(bias.length);
  const values = new Int32Array(bias.length);
  for (let c = 0; c < bias.length; c++) {
    scales[c] = inputScale * weightScale[c]!;
    values[c] = clamp(roundHalfEven(bias[c]! / scales[c]!), -(2 ** 31), 2 ** 31 - 1);
  }
  return { values, scales };
}

/** Round half to even, as ONNX QuantizeLinear does. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
