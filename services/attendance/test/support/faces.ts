import type { Box } from '@rollcall/vision';

import type { FaceMatch } from '../../src';

/*
 * Matches as the matcher sends them. Embeddings are seeded pseudo-random unit vectors:
 * two seeds give near-orthogonal vectors (cosine about 0, like two different people) and a
 * jittered copy keeps a cosine of about 0.9 (one face in consecutive frames).
 */

/** A deterministic PRNG (mulberry32), so every run sees the same vectors. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function normalise(values: number[]): Float32Array {
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
  return Float32Array.from(values.map((v) => v / norm));
}

/** The "identity" vector of person `seed`. */
export function personVector(seed: number, dim = 128): Float32Array {
  const next = random(seed);
  return normalise(Array.from({ length: dim }, () => next() - 0.5));
}

/** `base` seen in another frame: noise of relative size `amount` added, renormalised. */
export function jitter(base: Float32Array, seed: number, amount = 0.3): Float32Array {
  const next = random(seed * 7919 + 13);
  const noise = Array.from(base, () => next() - 0.5);
  const noiseNorm = Math.sqrt(noise.reduce((sum, v) => sum + v * v, 0));
  return normalise(Array.from(base, (v, i) => v + (amount * (noise[i] as number)) / noiseNorm));
}

export interface FaceInput {
  cameraId?: string;
  seq: number;
  index?: number;
  atMs: number;
  box: Box;
  personId?: string;
  score?: number;
  vector?: Float32Array;
}

export function face(input: FaceInput): FaceMatch {
  const cameraId = input.cameraId ?? 'door-1';
  const index = input.index ?? 0;
  return {
    faceId: `${cameraId}:${input.seq}:${index}`,
    cameraId,
    frameSeq: input.seq,
    capturedAtMs: input.atMs,
    box: input.box,
    personId: input.personId ?? '',
    // Values exact in float32, the proto's type for scores, so they survive a round trip.
    score: input.score ?? (input.personId ? 0.625 : 0.25),
    threshold: 0.375,
    vector: input.vector ?? new Float32Array(0),
  };
}

export function box(x: number, y: number, size = 80): Box {
  return { x, y, width: size, height: size };
}

/** 2026-12-04T09:00:00Z, a Friday: the start of every scripted scene. */
export const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);

/**
 * A person standing in front of one camera: `frames` faces, `stepMs` apart, the box
 * drifting a few pixels per frame, every match naming `personId` (or `''`).
 */
export function standing(options: {
  personId: string;
  vectorSeed: number;
  frames: number;
  startMs?: number;
  stepMs?: number;
  firstSeq?: number;
  cameraId?: string;
  x?: number;
  index?: number;
}): FaceMatch[] {
  const base = personVector(options.vectorSeed);
  const startMs = options.startMs ?? T0;
  const stepMs = options.stepMs ?? 200;
  const x = options.x ?? 100;
  return Array.from({ length: options.frames }, (_, i) =>
    face({
      cameraId: options.cameraId,
      seq: (options.firstSeq ?? 1) + i,
      index: options.index,
      atMs: startMs + i * stepMs,
      box: box(x + 3 * i, 120 + (i % 2)),
      personId: options.personId,
      vector: jitter(base, options.vectorSeed * 1000 + i),
    }),
  );
}
