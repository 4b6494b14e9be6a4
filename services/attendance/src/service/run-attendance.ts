import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

import { createLogger, type Logger } from '@rollcall/log';
import { LiveSettings, type Settings, type SettingsSource } from '@rollcall/settings';
import { runConsumer, type ConsumerStats, type EntryHandler } from '@rollcall/streams';

import { decodeFaceMatch } from '../contracts/match-codec';
import { AttendanceEngine } from '../engine/attendance-engine';
import { resolveRulesOptions } from '../rules/rules-options';
import { checkTimeZone } from '../rules/time-zone';
import { loadPresence } from '../store/presence-store';
import { RecordStore } from '../store/record-store';
import { resolveVotingOptions } from '../voting/voting-options';
import { redisCameraRoles, type CameraRoleLookup } from './camera-roles';
import { DecisionLog } from './decision-log';
import { Serial } from './serial';
import { ATTENDANCE_GROUP, type AttendanceServiceOptions } from './service-options';
import { SettingsFollower } from './settings-follower';
import { emptyAttendanceStats, type AttendanceStats } from './stats';

interface ServiceParts {
  readonly engine: AttendanceEngine;
  readonly store: RecordStore;
  readonly roles: CameraRoleLookup;
  readonly serial: Serial;
  readonly settings: SettingsFollower;
  readonly log: DecisionLog;
  readonly logger: Logger;
  readonly stats: AttendanceStats;
}

/**
 * The attendance service: restores everyone's presence from Redis, reads the matches
 * stream as a member of the `attendance` group (each match is acknowledged after its
 * record, if any, is written), and sweeps for check-outs by timeout. Cooldown, vote window
 * and time zone follow `keys.settings` while it runs. `stats` can be read while it runs.
 */
export class AttendanceService {
  readonly stats: AttendanceStats = emptyAttendanceStats();

  constructor(private readonly options: AttendanceServiceOptions) {}

  /** Runs until the signal fires; resolves once the match and sweep in hand are done. */
  async run(): Promise<AttendanceStats> {
    const { options } = this;
    const { redis, keys, signal } = options;
    const timeZone = checkTimeZone(options.timeZone);
    const logger = options.logger ?? createLogger({ service: 'attendance' });

    const restored = await loadPresence(redis, keys, logger);
    logger.info({ people: restored.length, timeZone }, 'presence restored');
    const engine = new AttendanceEngine(options.engine, restored);
    const store = new RecordStore(redis, keys, timeZone);
    const source = options.settings ?? settingsOf(options, timeZone, logger);
    const parts: ServiceParts = {
      engine,
      store,
      roles: options.cameraRoles ?? redisCameraRoles(redis, keys),
      serial: new Serial(),
      settings: new SettingsFollower(source, engine, store, logger),
      log: new DecisionLog(logger),
      logger,
      stats: this.stats,
    };
    await parts.settings.follow();

    // The sweep stops with the consumer, also when the consumer fails, so a failed start
    // does not leave a timer keeping the process alive.
    const sweepStop = new AbortController();
    const stopSweep = () => sweepStop.abort();
    signal.addEventListener('abort', stopSweep, { once: true });
    const sweeping = sweepUntilStopped(parts, { ...options, signal: sweepStop.signal });

    let consumer: ConsumerStats;
    try {
      consumer = await runConsumer({
        redis,
        stream: keys.matches,
        group: ATTENDANCE_GROUP,
        consumer: options.consumer ?? `attendance-${hostname()}-${process.pid}`,
        deadLetterStream: keys.deadLetters(keys.matches),
        handler: matchHandler(parts),
        signal,
        logger,
        ...(options.blockMs === undefined ? {} : { blockMs: options.blockMs }),
        ...(options.claimIdleMs === undefined ? {} : { claimIdleMs: options.claimIdleMs }),
      });
    } finally {
      signal.removeEventListener('abort', stopSweep);
      stopSweep();
      await sweeping;
    }
    this.stats.consumer = consumer;
    return this.stats;
  }
}

/** `keys.settings`, each field it lacks at the service's own value. */
function settingsOf(
  options: AttendanceServiceOptions,
  timeZone: string,
  logger: Logger,
): SettingsSource {
  const defaults: Settings = {
    threshold: null,
    cooldownMs: resolveRulesOptions(options.engine?.rules).cooldownMs,
    voteWindowMs: resolveVotingOptions(options.engine?.voting).windowMs,
    timeZone,
  };
  const refreshMs = options.settingsRefreshMs;
  return new LiveSettings(options.redis, options.keys, { defaults, refreshMs, logger });
}

/** Runs an `AttendanceService` until `options.signal` fires. */
export function runAttendance(options: AttendanceServiceOptions): Promise<AttendanceStats> {
  return new AttendanceService(options).run();
}

function matchHandler(parts: ServiceParts): EntryHandler {
  const { engine, store, roles, serial, settings, log, stats } = parts;

  return async (entry) => {
    const match = decodeFaceMatch(entry);
    const role = await roles(match.cameraId);

    await serial.run(async () => {
      await settings.follow();
      const observation = engine.observe(match, role);
      stats.matches += 1;
      log.observed(observation);

      // Committed only once stored: a failed write leaves the engine as it was, and the
      // redelivered match decides the same record again.
      const outcome = await store.write(observation.decision);
      engine.commit(observation.decision);
      count(stats, outcome);
      log.stored(observation.track, observation.decision, outcome);
    });
  };
}

async function sweepUntilStopped(parts: ServiceParts, options: AttendanceServiceOptions) {
  const everyMs = options.sweepEveryMs ?? 10_000;
  const clock = options.clock ?? Date.now;

  while (!options.signal.aborted) {
    try {
      await delay(everyMs, undefined, { signal: options.signal });
    } catch {
      return; // aborted while waiting
    }
    try {
      await parts.serial.run(async () => {
        await parts.settings.follow();
        await sweepOnce(parts, clock());
      });
    } catch (error) {
      // Uncommitted check-outs are decided again by the next sweep.
      parts.logger.error({ err: error }, 'sweep failed');
    }
  }
}

async function sweepOnce(parts: ServiceParts, nowMs: number): Promise<void> {
  const { engine, store, log, stats } = parts;
  const { decisions, ended } = engine.sweep(nowMs);
  for (const track of ended) log.ended(track);

  for (const decision of decisions) {
    const outcome = await store.write(decision);
    engine.commit(decision);
    count(stats, outcome);
    const record = decision.record;
    if (record) log.stored({ id: record.trackId, cameraId: record.cameraId }, decision, outcome);
  }
  stats.sweeps += 1;
}

function count(stats: AttendanceStats, outcome: string): void {
  if (outcome === 'written') stats.records += 1;
  if (outcome === 'duplicate') stats.duplicates += 1;
}
