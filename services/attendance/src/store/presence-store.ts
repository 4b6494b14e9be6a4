import type { Logger } from '@rollcall/log';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { PersonPresence } from '../rules/presence';

/** A person's state after a sighting that wrote no record. */
export async function savePresence(
  redis: Redis,
  keys: KeySpace,
  presence: PersonPresence,
): Promise<void> {
  await redis.hset(keys.attendancePresence, presence.personId, JSON.stringify(presence));
}

/**
 * Everyone's stored state, read once on start. A value that does not parse (hand-edited,
 * or from a future layout) is skipped with a warning: that person's cooldown restarts, which
 * is better than refusing to start.
 */
export async function loadPresence(
  redis: Redis,
  keys: KeySpace,
  logger?: Logger,
): Promise<PersonPresence[]> {
  const stored = await redis.hgetall(keys.attendancePresence);
  const people: PersonPresence[] = [];

  for (const [personId, json] of Object.entries(stored)) {
    const presence = parsePresence(personId, json);
    if (presence) people.push(presence);
    else logger?.warn({ personId, key: keys.attendancePresence }, 'unreadable presence skipped');
  }
  return people;
}

function parsePresence(personId: string, json: string): PersonPresence | undefined {
  let value: Partial<PersonPresence>;
  try {
    value = JSON.parse(json) as Partial<PersonPresence>;
  } catch {
    return undefined;
  }

  const numbers = [value.checkInAtMs, value.lastSeenAtMs, value.score];
  const texts = [value.checkInRecordId, value.cameraId, value.trackId, value.faceId];
  const valid =
    value.personId === personId &&
    typeof value.present === 'boolean' &&
    numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    texts.every((t) => typeof t === 'string');
  return valid ? (value as PersonPresence) : undefined;
}
