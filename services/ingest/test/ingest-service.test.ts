import { decodeEntryAs } from '@rollcall/contracts';
import { createLogger } from '@rollcall/log';
import { appendEntry, createKeySpace, entryFields, type KeySpace } from '@rollcall/streams';
import { connectRedis, deletePrefix, requireRedis, testKeySpace, waitFor } from '@rollcall/testing';
import type { Redis } from 'ioredis';
import sharp from 'sharp';

import { describeIfVideos, HAMILTON_CLIP } from '../../../test/fixtures';
import { IngestService } from '../src/service/ingest-service';
import { loadIngestSettings, type IngestSettings } from '../src/settings/ingest-settings';

let redis: Redis;
let keys: KeySpace;

beforeAll(async () => {
  redis = connectRedis('ingest-service-test');
  await requireRedis(redis);
  keys = testKeySpace('ingest', createKeySpace);
});

afterAll(async () => {
  await deletePrefix(redis, keys.prefix);
  redis.disconnect();
});

/** A camera written the way the API's camera store writes one, change entry included. */
async function configureCamera(id: string, url: string, fps = 5): Promise<void> {
  await redis.sadd(keys.cameras, id);
  await redis.hset(keys.cameraConfig(id), { name: id, url, fps: String(fps), role: 'entry' });
  await appendEntry(redis, keys.cameraChanges, {
    schemaVersion: 1,
    fields: { cameraId: id, change: 'upserted' },
  });
}

async function removeCamera(id: string): Promise<void> {
  await redis.srem(keys.cameras, id);
  await redis.del(keys.cameraConfig(id));
  await appendEntry(redis, keys.cameraChanges, {
    schemaVersion: 1,
    fields: { cameraId: id, change: 'deleted' },
  });
}

async function framesOf(cameraId: string): Promise<number> {
  const entries = await redis.xrangeBuffer(keys.frames.key, '-', '+');
  return entries
    .map(([, flat]) => decodeEntryAs('Frame', entryFields(flat)))
    .filter((frame) => frame.cameraId === cameraId).length;
}

function settings(overrides: Record<string, string> = {}): IngestSettings {
  return loadIngestSettings({
    ROLLCALL_KEY_PREFIX: keys.prefix,
    ROLLCALL_INGEST_NAME: 'ingest-test',
    ROLLCALL_INGEST_WIDTH: '320',
    ROLLCALL_INGEST_HEIGHT: '180',
    ROLLCALL_INGEST_STATUS_MS: '200',
    ...overrides,
  });
}

function startService(overrides: Record<string, string> = {}) {
  const controller = new AbortController();
  const service = new IngestService({
    redis,
    keys,
    settings: settings(overrides),
    logger: createLogger({ service: 'ingest', level: 'silent' }),
    blockMs: 200,
  });
  const done = service.run(controller.signal);
  return { service, stop: () => (controller.abort(), done) };
}

describeIfVideos('IngestService', [HAMILTON_CLIP], () => {
  const loopedClip = `file://${HAMILTON_CLIP}?loop=1`;

  it('runs a camera configured before it started: JPEG frames on the stream, status online', async () => {
    await configureCamera('cam-before', loopedClip);
    const { stop } = startService();
    try {
      await waitFor('frames of cam-before', async () => (await framesOf('cam-before')) >= 5, {
        timeoutMs: 20_000,
      });
      const [[, flat]] = (await redis.xrangeBuffer(keys.frames.key, '-', '+', 'COUNT', 1)) as [
        [Buffer, Buffer[]],
      ];
      const frame = decodeEntryAs('Frame', entryFields(flat));
      expect(frame).toMatchObject({ cameraId: 'cam-before', width: 320, height: 180 });
      expect(frame.image?.$case).toBe('jpeg');
      const jpeg = frame.image?.$case === 'jpeg' ? frame.image.value : Buffer.alloc(0);
      expect(await sharp(jpeg).metadata()).toMatchObject({ width: 320, height: 180 });

      const status = await waitFor('an online status with a measured fps', async () => {
        const fields = await redis.hgetall(keys.cameraStatus('cam-before'));
        return fields.state === 'online' && Number(fields.fps) > 0 ? fields : undefined;
      });
      expect(status).toMatchObject({ ingest: 'ingest-test', lastErrorCode: '' });
      expect(Number(status.published)).toBeGreaterThan(0);
    } finally {
      await stop();
    }
    expect((await redis.hgetall(keys.cameraStatus('cam-before'))).state).toBe('stopped');
    await removeCamera('cam-before');
  }, 40_000);

  it('follows the API: a camera added while running starts, a removed one stops and loses its status', async () => {
    const { service, stop } = startService();
    try {
      await configureCamera('cam-added', loopedClip);
      await waitFor('cam-added running', () => service.cameras.has('cam-added'));
      await waitFor('frames of cam-added', async () => (await framesOf('cam-added')) >= 3, {
        timeoutMs: 20_000,
      });

      await removeCamera('cam-added');
      await waitFor('cam-added stopped', () => !service.cameras.has('cam-added'));
      const before = await framesOf('cam-added');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await framesOf('cam-added')).toBe(before);
      expect(await redis.exists(keys.cameraStatus('cam-added'))).toBe(0);
    } finally {
      await stop();
    }
  }, 40_000);

  it('drops and counts frames while the detector group lags past the bound', async () => {
    // A detector group that never reads: every frame after the first two is over the bound.
    await redis.xgroup('CREATE', keys.frames.key, 'detector', '$', 'MKSTREAM');
    const { stop } = startService({ ROLLCALL_INGEST_MAX_LAG: '2' });
    try {
      await configureCamera('cam-lagging', loopedClip, 10);
      const status = await waitFor(
        'dropped frames in the status',
        async () => {
          const fields = await redis.hgetall(keys.cameraStatus('cam-lagging'));
          return Number(fields.dropped) >= 5 ? fields : undefined;
        },
        { timeoutMs: 20_000 },
      );
      // Once over the bound, nothing more is published while the group stays behind; the
      // few frames past the bound are those sent between two lag samples (every 200 ms).
      expect(Number(status.published)).toBeLessThan(15);
      const pause = () => new Promise((resolve) => setTimeout(resolve, 1_000));
      await pause();
      const settled = await redis.hgetall(keys.cameraStatus('cam-lagging'));
      await pause();
      const later = await redis.hgetall(keys.cameraStatus('cam-lagging'));
      expect(later.published).toBe(settled.published);
      expect(Number(later.dropped)).toBeGreaterThan(Number(settled.dropped));
    } finally {
      await stop();
      await redis.xgroup('DESTROY', keys.frames.key, 'detector');
      await removeCamera('cam-lagging');
    }
  }, 40_000);

  it('reports a camera whose file does not exist as stopped with its error code', async () => {
    const { stop } = startService();
    try {
      await configureCamera('cam-missing', 'file:///nonexistent/rollcall-no-such-video.mp4');
      const status = await waitFor(
        'an error in the status',
        async () => {
          const fields = await redis.hgetall(keys.cameraStatus('cam-missing'));
          return fields.lastErrorCode ? fields : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(status.lastErrorCode).toBe('CAMERA_UNREACHABLE');
      expect(status.lastErrorMessage).toContain('rollcall-no-such-video.mp4');
    } finally {
      await stop();
      await removeCamera('cam-missing');
    }
  }, 30_000);
});
