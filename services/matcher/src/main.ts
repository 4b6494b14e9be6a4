// The matcher process: settings read once, the pack's model and threshold, then the
// gallery and the match loop until SIGTERM or SIGINT. The thresholds an operator sets
// (per camera, site-wide) are followed while it runs.
import { loadVisionSettings } from '@rollcall/config';
import { createLogger, runService } from '@rollcall/log';
import { createKeySpace, runUntilSignalled } from '@rollcall/streams';
import { findPack } from '@rollcall/vision';
import Redis from 'ioredis';

import { redisCameraThresholds } from './service/camera-threshold';
import { packModel } from './service/pack-model';
import { runMatcher } from './service/run-matcher';
import { redisSettingsThreshold } from './service/settings-threshold';
import { loadMatcherSettings } from './settings';

async function main(): Promise<void> {
  const logger = createLogger({ service: 'matcher' });
  const settings = loadMatcherSettings();
  const vision = loadVisionSettings();
  const model = packModel(findPack(vision.pack, vision).manifest);
  const keys = createKeySpace(settings.keyPrefix);
  const redis = new Redis(settings.redisUrl, { connectionName: `matcher-${settings.consumer}` });
  redis.on('error', (error: unknown) => logger.warn({ err: error }, 'redis error'));
  logger.info({ pack: vision.pack, ...model, consumer: settings.consumer }, 'matcher starting');

  await runUntilSignalled(
    (signal) =>
      runMatcher({
        redis,
        keys,
        model,
        signal,
        logger,
        consumer: settings.consumer,
        topK: settings.topK,
        precision: settings.precision,
        cameraThreshold: redisCameraThresholds(redis, keys, { logger }),
        settingsThreshold: redisSettingsThreshold(redis, keys, { logger }),
      }),
    { logger, close: async () => void (await redis.quit()) },
  );
}

runService('matcher', main);
