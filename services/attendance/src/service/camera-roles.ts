import { SETTINGS_REFRESH_MS } from '@rollcall/settings';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { CameraRole } from '../rules/presence';

/** The role of a camera; injected so the rules test without Redis. */
export type CameraRoleLookup = (cameraId: string) => Promise<CameraRole>;

/** How camera roles are read from the cameras' configuration. */
export interface RedisCameraRolesOptions {
  /**
   * How long a role read from Redis is trusted, in ms. Default 2000, as for the settings:
   * a camera re-marked as an exit takes effect within 2 s without one Redis read per face.
   */
  ttlMs?: number;
  /** Now, in ms. Default `Date.now`. */
  clock?: () => number;
}

/**
 * Roles from the `role` field of `keys.cameraConfig(id)`, which the API writes: `exit`
 * marks an exit camera; anything else, or no camera config at all, is an entry camera.
 */
export function redisCameraRoles(
  redis: Redis,
  keys: KeySpace,
  options: RedisCameraRolesOptions = {},
): CameraRoleLookup {
  const ttlMs = options.ttlMs ?? SETTINGS_REFRESH_MS;
  const clock = options.clock ?? Date.now;
  const cache = new Map<string, { role: CameraRole; until: number }>();

  return async (cameraId) => {
    const cached = cache.get(cameraId);
    if (cached && cached.until > clock()) return cached.role;

    const stored = await redis.hget(keys.cameraConfig(cameraId), 'role');
    const role: CameraRole = stored?.trim().toLowerCase() === 'exit' ? 'exit' : 'entry';
    cache.set(cameraId, { role, until: clock() + ttlMs });
    return role;
  };
}
