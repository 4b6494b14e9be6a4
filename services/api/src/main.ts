import { visionSettings } from '@rollcall/config';
import { createLogger, runService } from '@rollcall/log';
import { createKeySpace, runUntilSignalled } from '@rollcall/streams';
import { FaceAnalyzer, inferenceOptionsFromSettings, loadPack } from '@rollcall/vision';
import Redis from 'ioredis';

import { buildApp } from './app';
import { loadApiSettings, type ApiSettings } from './config/api-settings';
import { GrpcVisionClient } from './vision/grpc-vision';
import { InProcessVisionClient } from './vision/in-process-vision';
import type { VisionClient } from './vision/vision-client';

/** Reads the settings once, serves until SIGTERM or SIGINT, then closes cleanly. */
async function main(): Promise<void> {
  const logger = createLogger({ service: 'api' });
  const settings = loadApiSettings();
  const redis = new Redis(settings.redisUrl, { connectionName: 'rollcall-api' });
  const vision = await openVision(settings);

  const app = await buildApp({
    redis,
    keys: createKeySpace(settings.keyPrefix),
    vision,
    logger,
    limits: { bodyBytes: settings.bodyBytes, fileBytes: settings.fileBytes, files: settings.files },
  });

  await runUntilSignalled(
    async (signal) => {
      await app.listen({ host: settings.host, port: settings.port });
      logger.info({ vision: vision.kind, port: settings.port }, 'api listening');
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    },
    {
      logger,
      // Fastify's close waits for requests in flight, then the clients go.
      close: async () => {
        await app.close();
        await vision.close();
        await redis.quit();
      },
    },
  );
}

async function openVision(settings: ApiSettings): Promise<VisionClient> {
  if (settings.vision === 'grpc') return new GrpcVisionClient(settings.visionAddress);

  const vision = visionSettings();
  const pack = await loadPack(vision.pack);
  const analyzer = await FaceAnalyzer.create(pack, {
    inference: inferenceOptionsFromSettings(vision),
  });
  return new InProcessVisionClient(analyzer);
}

runService('api', main);
