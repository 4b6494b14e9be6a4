/**
 * The vector scaled to unit length, as a new Float32Array. The norm is summed in double
 * precision so 512 float32 squares do not lose the last digits. A zero vector (which no
 * working model emits) stays zero rather than becoming NaN.
 */
export function l2Normalise(vector: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] as number) ** 2;

  const out = new Float32Array(vector.length);
  if (sum === 0) return out;

  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) out[i] = (vector[i] as number) * scale;
  return out;
}
