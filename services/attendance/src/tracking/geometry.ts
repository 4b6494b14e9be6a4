import type { Box } from '@rollcall/vision';

/** Intersection over union of two boxes: 1 for the same box, 0 when they do not touch. */
export function iou(a: Box, b: Box): number {
  const left = Math.max(a.x, b.x);
  const top = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  const overlap = Math.max(0, right - left) * Math.max(0, bottom - top);

  const union = a.width * a.height + b.width * b.height - overlap;
  return union > 0 ? overlap / union : 0;
}

/**
 * Cosine similarity of two embeddings, or `undefined` when either is missing or their
 * lengths differ (a matcher that sent no vector, or two models): the caller then decides
 * by position alone.
 */
export function cosine(a: Float32Array, b: Float32Array): number | undefined {
  if (a.length === 0 || a.length !== b.length) return undefined;

  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  const norms = Math.sqrt(normA * normB);
  return norms > 0 ? dot / norms : undefined;
}
