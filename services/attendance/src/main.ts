import { createLogger, runService } from '@rollcall/log';
import { createKeySpace, runUntilSignalled } from '@rollcall/streams';
import Redis from 'ioredis';

import { runAttendance } from './service/run-attendance';
import { loadAttendanceSettings } from './service/settings';

/**
 * `pnpm --filter @rollcall/attendance start`: settings from the environment, read once; the
 * cooldown, vote window and time zone among them are defaults under `keys.settings`.
 */
async function main(): Promise<void> {
  const settings = loadAttendanceSettings(process.env);
  const logger = createLogger({ service: 'attendance' });
  const redis = new Redis(settings.redisUrl, { connectionName: 'attendance' });
  redis.on('error', (error: unknown) => logger.debug({ err: error }, 'redis error'));

  // The URL may carry a password: only its host is logged.
  const shown = { ...settings, redisUrl: new URL(settings.redisUrl).host };
  logger.info({ settings: shown }, 'attendance starting');

  const stats = await runUntilSignalled(
    (signal) =>
      runAttendance({
        redis,
        keys: createKeySpace(settings.keyPrefix),
        signal,
        timeZone: settings.timeZone,
        sweepEveryMs: settings.sweepEveryMs,
        engine: {
          voting: { votesNeeded: settings.votesNeeded, windowMs: settings.voteWindowMs },
          rules: {
            cooldownMs: settings.cooldownMs,
            checkoutTimeoutMs: settings.checkoutTimeoutMs,
          },
        },
        logger,
      }),
    { logger, close: () => redis.quit().then(() => undefined) },
  );
  logger.info({ ...stats }, 'attendance stopped');
}

runService('attendance', main);
