import { CONSUMER_GROUPS, streamGroups, type KeySpace, type StreamRef } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/** Each stream and the group that consumes it, in the order a frame travels. */
export function pipelineGroups(keys: KeySpace): { stream: StreamRef; group: string }[] {
  return [
    { stream: keys.frames, group: CONSUMER_GROUPS.detector },
    { stream: keys.faces, group: CONSUMER_GROUPS.embedder },
    { stream: keys.embeddings, group: CONSUMER_GROUPS.matcher },
    { stream: keys.matches, group: CONSUMER_GROUPS.attendance },
  ];
}

/**
 * The consumer groups that do not exist yet. A worker creates its group when it starts
 * reading, after its models are loaded, so an empty list means every stage is listening.
 */
export async function missingGroups(redis: Redis, keys: KeySpace): Promise<string[]> {
  const missing: string[] = [];
  for (const { stream, group } of pipelineGroups(keys)) {
    if (!(await groupNames(redis, stream)).includes(group)) missing.push(group);
  }
  return missing;
}

async function groupNames(redis: Redis, stream: StreamRef): Promise<string[]> {
  const groups = await streamGroups(redis, stream).catch(() => []);
  return groups.map((row) => String(row.get('name')));
}
