/**
 * Seeded random embeddings for search tests and the bench: unit vectors from a normal
 * distribution (uniform on the sphere) and noisy copies of them, which score like a second
 * photo of the same person (cosine set by the noise) rather than like a stranger (~0).
 */

/** mulberry32: a tiny seeded generator, so a failing case can be rerun exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function unitVector(random: () => number, dim: number): Float32Array {
  const v = new Float32Array(dim);
  let sum = 0;
  for (let i = 0; i < dim; i++) {
    v[i] = normal(random);
    sum += (v[i] as number) ** 2;
  }
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < dim; i++) v[i] = (v[i] as number) * scale;
  return v;
}

/** `base` plus Gaussian noise of total length `noise`, renormalised. */
export function noisyCopy(random: () => number, base: Float32Array, noise: number): Float32Array {
  const n = unitVector(random, base.length);
  const v = new Float32Array(base.length);
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = (base[i] as number) + noise * (n[i] as number);
    sum += (v[i] as number) ** 2;
  }
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * scale;
  return v;
}
