// The embedder process: `pnpm --filter @rollcall/embedder start`. It embeds the faces
// stream in batches and answers the Vision gRPC service; any number may run.
import { loadVisionSettings } from '@rollcall/config';
import { startVisionServer } from '@rollcall/contracts';
import { createLogger, runService } from '@rollcall/log';
import { createKeySpace, runUntilSignalled } from '@rollcall/streams';
import {
  FaceAnalyzer,
  closeAllSessions,
  inferenceOptionsFromSettings,
  loadPack,
} from '@rollcall/vision';
import Redis from 'ioredis';

import { CropEmbedder } from './crop-embedder';
import { loadEmbedderSettings } from './embedder-settings';
import { runEmbedderWorker } from './embedder-worker';
import { ImageAnalyst } from './image-analyst';
import { createVisionService } from './vision-service';

async function main(): Promise<void> {
  const settings = loadEmbedderSettings();
  const vision = loadVisionSettings();
  const logger = createLogger({ service: 'embedder' }).child({ consumer: settings.consumer });

  const pack = await loadPack(vision.pack, vision);
  const inference = inferenceOptionsFromSettings(vision);
  const analyzer = await FaceAnalyzer.create(pack, { inference });
  const redis = new Redis(settings.redisUrl, { connectionName: settings.consumer });
  const keys = createKeySpace(settings.keyPrefix);

  const service = createVisionService({
    analyst: new ImageAnalyst(analyzer, { inference }),
    registry: { redis, keys },
    logger,
  });
  const grpc = await startVisionServer(service, {
    address: `${settings.grpcHost}:${settings.grpcPort}`,
  });
  logger.info(
    {
      pack: vision.pack,
      modelId: analyzer.modelId,
      grpcPort: grpc.port,
      batch: settings.batchSize,
    },
    'embedder starting',
  );

  await runUntilSignalled(
    async (signal) => {
      const run = runEmbedderWorker({
        redis,
        keys,
        embedder: new CropEmbedder(analyzer),
        consumer: settings.consumer,
        signal,
        logger,
        batchSize: settings.batchSize,
        batchWaitMs: settings.batchWaitMs,
      });
      await run.done;
      logger.info({ ...run.embedder }, 'embedder stopped');
    },
    {
      logger,
      close: async () => {
        await grpc.close();
        await analyzer.close();
        await closeAllSessions();
        redis.disconnect();
      },
    },
  );
}

runService('embedder', main);
