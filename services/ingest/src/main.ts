// The ingest process: `pnpm --filter @rollcall/ingest start`. It runs the cameras the API
// configured (all of them, or its shard: ROLLCALL_INGEST_SHARD) and puts their frames on
// the frames stream for the detectors.
import { createLogger, runService } from '@rollcall/log';
import { createKeySpace, runUntilSignalled } from '@rollcall/streams';
import Redis from 'ioredis';

import { IngestService } from './service/ingest-service';
import { loadIngestSettings } from './settings/ingest-settings';

async function main(): Promise<void> {
  const settings = loadIngestSettings();
  const logger = createLogger({ service: 'ingest' }).child({ ingest: settings.name });
  const redis = new Redis(settings.redisUrl, { connectionName: `ingest-${settings.name}` });
  redis.on('error', (error: unknown) => logger.debug({ err: error }, 'redis error'));
  logger.info(
    {
      fps: settings.fps,
      size: `${settings.width}x${settings.height}`,
      format: settings.format,
      maxLag: settings.maxLag,
      shard: `${settings.shard.index}/${settings.shard.count}`,
    },
    'ingest starting',
  );

  const service = new IngestService({
    redis,
    keys: createKeySpace(settings.keyPrefix),
    settings,
    logger,
  });
  await runUntilSignalled((signal) => service.run(signal), {
    logger,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  });
  logger.info('ingest stopped');
}

runService('ingest', main);
