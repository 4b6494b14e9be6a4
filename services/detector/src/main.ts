// The detector process: `pnpm --filter @rollcall/detector start`. Any number may run; they
// share the frames stream as one consumer group.
import { loadVisionSettings } from '@rollcall/config';
import { createLogger, runService } from '@rollcall/log';
import { createKeySpace, runUntilSignalled } from '@rollcall/streams';
import { inferenceOptionsFromSettings, loadPack } from '@rollcall/vision';
import Redis from 'ioredis';

import { loadDetectorSettings } from './detector-settings';
import { runDetectorWorker } from './detector-worker';
import { FaceFinder } from './face-finder';

async function main(): Promise<void> {
  const settings = loadDetectorSettings();
  const vision = loadVisionSettings();
  const logger = createLogger({ service: 'detector' }).child({ consumer: settings.consumer });

  const pack = await loadPack(vision.pack, vision);
  const finder = await FaceFinder.open(pack, inferenceOptionsFromSettings(vision));
  const redis = new Redis(settings.redisUrl, { connectionName: settings.consumer });
  logger.info({ pack: vision.pack, detector: finder.detectorId }, 'detector starting');

  await runUntilSignalled(
    async (signal) => {
      const run = runDetectorWorker({
        redis,
        keys: createKeySpace(settings.keyPrefix),
        finder,
        consumer: settings.consumer,
        signal,
        logger,
        readBatch: settings.readBatch,
      });
      const consumer = await run.done;
      logger.info({ ...run.detector, ...consumer }, 'detector stopped');
    },
    {
      logger,
      close: async () => {
        await finder.close();
        redis.disconnect();
      },
    },
  );
}

runService('detector', main);
