import type { Logger } from '@rollcall/log';
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
  /** IANA zone of the by-day index. Required (the service reads `ROLLCALL_TIMEZONE`). */
  timeZone: string;
  /** Tracker, voting and rules options. Default: each part's defaults. */
  engine?: EngineOptions;
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
