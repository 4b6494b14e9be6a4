import type { Logger } from '@rollcall/log';
import type { SettingsSource } from '@rollcall/settings';
import { CONSUMER_GROUPS, type KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

import type { EngineOptions } from '../engine/engine-options';
import type { CameraRoleLookup } from './camera-roles';

/** How `runAttendance` runs. */
export interface AttendanceServiceOptions {
  /** Connection for everything; the consumer duplicates it for its blocking read. */
  redis: Redis;
  keys: KeySpace;
  /** Stops the service; the match in hand is finished and acknowledged first. */
  signal: AbortSignal;
  /**
   * IANA zone of the by-day index when `keys.settings` sets none. Required (the service
   * reads `ROLLCALL_TIMEZONE`).
   */
  timeZone: string;
  /**
   * Tracker, voting and rules options. Default: each part's defaults. The vote window and
   * the cooldown are those of `keys.settings` when it sets them.
   */
  engine?: EngineOptions;
  /**
   * The operator's cooldown, vote window and time zone, followed while the service runs.
   * Default: `keys.settings` read through a cache of `settingsRefreshMs`, each field it
   * lacks at the value given here (`timeZone`, `engine.rules`, `engine.voting`).
   */
  settings?: SettingsSource;
  /** How long the default `settings` reuse one read, in ms. Default 2000. */
  settingsRefreshMs?: number;
  /** How often check-outs by timeout are looked for, in ms. Default 10000. */
  sweepEveryMs?: number;
  /** Now, in ms, for the sweep. Default `Date.now`; tests move it. */
  clock?: () => number;
  /** Camera roles. Default: the `role` field of each camera's config in Redis. */
  cameraRoles?: CameraRoleLookup;
  /** Member name in the `attendance` group. Default `attendance-<host>-<pid>`. */
  consumer?: string;
  /** Consumer read block, in ms. Default 5000. */
  blockMs?: number;
  /** Pending time after which a dead member's entry is taken over, in ms. Default 60000. */
  claimIdleMs?: number;
  /** Default: an `attendance` logger from `@rollcall/log`. */
  logger?: Logger;
}

/** The consumer group every attendance process joins on the matches stream. */
export const ATTENDANCE_GROUP = CONSUMER_GROUPS.attendance;
