/**
 * Prints the figures quoted in docs/decisions/camera-ingest.md: CPU of one decoding ffmpeg,
 * first-frame latency per kind of source, and how long a dropped RTSP camera takes to be
 * noticed and to deliver again. Not a test (nothing is asserted); run it alone, as the
 * numbers move with whatever else the machine is doing:
 *
 *   pnpm --filter @rollcall/ingest bench
 */
import { readFileSync } from 'node:fs';

import {
  FACENET_CLIP,
  HAMILTON_CLIP,
  startMjpegCamera,
  startRtspCamera,
} from '../../../../test/fixtures';
import { CameraSource } from '../../src/sources/camera-source';
import type { CameraSourceOptions } from '../../src/sources/camera-source-options';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function nextFrame(source: CameraSource, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no frame in time')), timeoutMs);
    source.once('frame', (frame) => {
      clearTimeout(timer);
      resolve(frame.capturedAt);
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Percent of one core the source's ffmpeg used over `seconds`, once frames flow. */
async function decodeCpu(label: string, options: CameraSourceOptions, seconds = 10): Promise<void> {
  const source = new CameraSource(options);
  source.start();
  await nextFrame(source);
  await sleep(1_000);
  const pid = source.status.pid ?? 0;
  const before = cpuSeconds(pid);
  const framesBefore = source.status.frames;
  await sleep(seconds * 1_000);
  const used = cpuSeconds(pid) - before;
  const frames = source.status.frames - framesBefore;
  await source.stop();
  const percent = ((used / seconds) * 100).toFixed(1);
  console.log(`cpu   ${label}: ${percent}% of one core, ${(frames / seconds).toFixed(2)} fps`);
}

/** Median ms from `start()` to the first frame over `runs` runs. */
async function firstFrame(label: string, options: CameraSourceOptions, runs = 5): Promise<void> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const source = new CameraSource(options);
    const started = Date.now();
    source.start();
    times.push((await nextFrame(source)) - started);
    await source.stop();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`first ${label}: median ${median} ms (runs: ${times.join(', ')})`);
}

async function reconnect(url: string, camera: Awaited<ReturnType<typeof startRtspCamera>>) {
  const source = new CameraSource({
    cameraId: 'bench-reconnect',
    url,
    fps: 5,
    backoffBaseMs: 500,
    ioTimeoutMs: 5_000,
  });
  source.start();
  await nextFrame(source);

  for (let round = 0; round < 3; round += 1) {
    const dropped = Date.now();
    const offline = new Promise<number>((resolve) =>
      source.on('status', (status) => status.state === 'offline' && resolve(Date.now())),
    );
    await camera.stopPublisher();
    const noticedMs = (await offline) - dropped;
    await sleep(3_000);
    await camera.startPublisher();
    const back = Date.now();
    const deliveredMs = (await nextFrame(source)) - back;
    console.log(
      `drop  rtsp: offline ${noticedMs} ms after the drop; first frame ${deliveredMs} ms after ` +
        `the camera was back (reconnects so far ${source.status.reconnects})`,
    );
    source.removeAllListeners('status');
  }
  await source.stop();
}

async function main(): Promise<void> {
  const base = { fps: 5, width: 640, height: 360 };
  await decodeCpu('file 640x360 h264 -> 5 fps 640x360', {
    ...base,
    cameraId: 'cpu-small',
    url: HAMILTON_CLIP,
    loop: true,
  });
  await decodeCpu('file 1920x1080 h264 -> 5 fps 640x360', {
    ...base,
    cameraId: 'cpu-large',
    url: FACENET_CLIP,
    loop: true,
  });

  const rtsp = await startRtspCamera({ video: HAMILTON_CLIP });
  const mjpeg = await startMjpegCamera({ video: HAMILTON_CLIP, fps: 10 });
  try {
    await decodeCpu('rtsp 640x360 h264 -> 5 fps 640x360', {
      ...base,
      cameraId: 'cpu-rtsp',
      url: rtsp.url,
    });
    await firstFrame('file ', { ...base, cameraId: 'ff-file', url: HAMILTON_CLIP });
    await firstFrame('rtsp ', { ...base, cameraId: 'ff-rtsp', url: rtsp.url });
    await firstFrame('mjpeg', { ...base, cameraId: 'ff-mjpeg', url: mjpeg.url });
    await reconnect(rtsp.url, rtsp);
  } finally {
    await mjpeg.close();
    await rtsp.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
