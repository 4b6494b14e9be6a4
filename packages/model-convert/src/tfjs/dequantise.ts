import { RollcallError } from '@rollcall/errors';
import type { WeightGroup } from './weights-manifest';

/** One weight as float32 values, in the TF.js layout its manifest names (e.g. HWIO). */
export interface DecodedWeight {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * Reads every weight of a manifest from the concatenated bytes of its shards and expands
 * uint8-quantised ones. The value is computed in double precision and then rounded to
 * float32, which is what TF.js itself does, so the result matches it bit for bit.
 */
export function decodeWeights(
  groups: readonly WeightGroup[],
  shards: Uint8Array,
): Map<string, DecodedWeight> {
  const out = new Map<string, DecodedWeight>();
  const view = new DataView(shards.buffer, shards.byteOffset, shards.byteLength);
  let at = 0;

  for (const entry of groups.flatMap((g) => g.weights)) {
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const bytes = entry.quantization === undefined ? count * 4 : count;
    if (at + bytes > shards.byteLength) {
      throw new RollcallError(
        'PACK_SOURCE_FAILED',
        `The weights .bin ends before ${entry.name} (needs ${at + bytes} bytes, has ` +
          `${shards.byteLength}); the .bin does not belong to this manifest.`,
      );
    }

    const values = new Float32Array(count);
    const q = entry.quantization;
    for (let i = 0; i < count; i++) {
      values[i] =
        q === undefined
          ? view.getFloat32(at + i * 4, true)
          : q.min + q.scale * view.getUint8(at + i);
    }
    out.set(entry.name, { shape: entry.shape, values });
    at += bytes;
  }

  if (at !== shards.byteLength) {
    throw new RollcallError(
      'PACK_SOURCE_FAILED',
      `The weights .bin has ${shards.byteLength - at} bytes the manifest does not describe; ` +
        'the .bin does not belong to this manifest.',
    );
  }
  return out;
}
