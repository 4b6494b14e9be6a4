import { createHash } from 'node:crypto';

/**
 * Whether camera `cameraId` belongs to shard `index` of `count`. A stable hash of the id
 * (not of a list position) means adding a camera never moves the others between processes.
 */
export function inShard(cameraId: string, shard: { index: number; count: number }): boolean {
  if (shard.count <= 1) return true;
  const digest = createHash('sha1').update(cameraId).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index;
}
