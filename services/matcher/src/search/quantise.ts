/** A row or query in int8 with the scale that maps it back: `value ~= code * scale`. */
export interface Quantised {
  readonly codes: Int8Array;
  readonly scale: number;
}

/**
 * Symmetric per-vector quantisation to [-127, 127] (-128 unused, so products of two codes
 * stay within int16 and the kernel may add two of them before widening). The scale is the
 * largest magnitude over 127, which keeps the largest component exact and spends the
 * precision where an L2-normalised face embedding has its mass.
 */
export function quantise(values: Float32Array, length: number = values.length): Quantised {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i] as number));

  const codes = new Int8Array(length);
  if (max === 0) return { codes, scale: 0 };
  const scale = max / 127;
  for (let i = 0; i < values.length; i++) codes[i] = Math.round((values[i] as number) / scale);
  return { codes, scale };
}
