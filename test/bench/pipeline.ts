/**
 * `pnpm bench:pipeline`: frames per second and latency through the whole pipeline, every
 * service a process of its own, for 1 and 4 cameras with 1 and 2 detector workers. Each
 * camera plays the entrance scene of the end-to-end tests (LFW photos of enrolled people
 * and strangers, grey between them), looped, from a file.
 *
 * Printed per run: frames published per second (all cameras), frames dropped for lag,
 * faces matched per second, face latency (frame captured by ingest -> match appended by the
 * matcher) p50/p95, and record latency (the frame that completed a vote -> its record
 * appended) p50/p95, which is the delay beyond the vote window.
 *
 *   pnpm bench:pipeline [--json] [--cameras 1,4] [--detectors 1,2] [--fps 5] [--seconds 30]
 *
 * With --json the last line is one object: {"results": [{cameras, detectors, fps, ...}]}.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { decodeEntryAs } from '@rollcall/contracts';
import { AdminApi, startStack, type RunningStack } from '@rollcall/stack';
import { entryFields } from '@rollcall/streams';
import { connectRedis, deletePrefix, randomPrefix } from '@rollcall/testing';
import type { Redis } from 'ioredis';

import { enroll } from '../e2e/support/rollcall-client';
import { missingPhotos, PEOPLE, SCENE } from '../e2e/support/entrance-scenario';
import { buildFaceVideo } from '../fixtures';

interface RunResult {
  cameras: number;
  detectors: number;
  fps_per_camera: number;
  seconds: number;
  frames_per_s: number;
  frames_dropped: number;
  faces_per_s: number;
  face_latency_ms: { p50: number; p95: number; n: number };
  record_latency_ms: { p50: number; p95: number; n: number };
}

function listArg(name: string, fallback: number[]): number[] {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  return String(process.argv[at + 1])
    .split(',')
    .map(Number);
}

async function main(): Promise<void> {
  const missing = missingPhotos();
  if (missing.length > 0) {
    console.error(`bench:pipeline needs the LFW photos; missing ${missing.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const json = process.argv.includes('--json');
  const [fps = 5] = listArg('fps', [5]);
  const [seconds = 30] = listArg('seconds', [30]);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-bench-pipeline-'));
  const video = path.join(workDir, 'entrance.mp4');
  // The scene without its long lead-in: people come and go every few seconds.
  await buildFaceVideo(SCENE.slice(1), video);

  const results: RunResult[] = [];
  try {
    for (const detectors of listArg('detectors', [1, 2])) {
      for (const cameras of listArg('cameras', [1, 4])) {
        const result = await runOnce({ cameras, detectors, fps, seconds, video, workDir });
        results.push(result);
        console.log(describe(result));
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  if (json) console.log(JSON.stringify({ results }));
}

async function runOnce(plan: {
  cameras: number;
  detectors: number;
  fps: number;
  seconds: number;
  video: string;
  workDir: string;
}): Promise<RunResult> {
  const keyPrefix = randomPrefix('bench-pipeline');
  const stack = await startStack({
    keyPrefix,
    apiPort: 0,
    detectors: plan.detectors,
    dataDir: plan.workDir,
    startRedis: false,
    env: {
      ROLLCALL_INGEST_FPS: String(plan.fps),
      // Every appearance may check in again: records are what latency is measured on.
      ROLLCALL_ATTENDANCE_COOLDOWN_MS: '1',
      LOG_LEVEL: 'warn',
    },
  });
  const redis = connectRedis('bench-pipeline');
  try {
    const api = new AdminApi(stack.apiUrl, stack.adminKey);
    await enroll(api, PEOPLE);
    const cameraIds: string[] = [];
    for (let i = 0; i < plan.cameras; i += 1) {
      const url = `file://${plan.video}?loop=1`;
      const { id } = await api.post<{ id: string }>('/v1/cameras', { name: `Door ${i + 1}`, url });
      cameraIds.push(id);
    }

    // Warm up: ffmpeg started, the first frames through every stage.
    await sleep(8_000);
    const before = await counts(redis, stack, cameraIds);
    const from = Date.now();
    await sleep(plan.seconds * 1000);
    const to = Date.now();
    const after = await counts(redis, stack, cameraIds);
    const elapsed = (to - from) / 1000;

    const faces = await latencies(redis, stack.keys.matches.key, from, to, 'FaceMatched');
    const records = await latencies(redis, stack.keys.attendance.key, from, to, 'AttendanceRecord');
    return {
      cameras: plan.cameras,
      detectors: plan.detectors,
      fps_per_camera: plan.fps,
      seconds: Math.round(elapsed),
      frames_per_s: round((after.published - before.published) / elapsed),
      frames_dropped: after.dropped - before.dropped,
      faces_per_s: round(faces.length / elapsed),
      face_latency_ms: summary(faces),
      record_latency_ms: summary(records),
    };
  } finally {
    await stack.stop();
    await deletePrefix(redis, keyPrefix);
    redis.disconnect();
  }
}

async function counts(
  redis: Redis,
  stack: RunningStack,
  cameraIds: string[],
): Promise<{ published: number; dropped: number }> {
  let published = 0;
  let dropped = 0;
  for (const id of cameraIds) {
    const status = await redis.hgetall(stack.keys.cameraStatus(id));
    published += Number(status.published ?? 0);
    dropped += Number(status.dropped ?? 0);
  }
  return { published, dropped };
}

/**
 * For each entry appended in [from, to]: its append time (the entry id's milliseconds)
 * minus the capture time of the frame it comes from.
 */
async function latencies(
  redis: Redis,
  key: string,
  from: number,
  to: number,
  type: 'FaceMatched' | 'AttendanceRecord',
): Promise<number[]> {
  const entries = await redis.xrangeBuffer(key, String(from), String(to));
  return entries.map(([id, flat]) => {
    const appendedAt = Number(id.toString().split('-')[0]);
    const fields = entryFields(flat);
    const capturedAt =
      type === 'FaceMatched'
        ? (decodeEntryAs('FaceMatched', fields).face?.capturedAtMs ?? appendedAt)
        : decodeEntryAs('AttendanceRecord', fields).atMs;
    return appendedAt - capturedAt;
  });
}

function summary(values: number[]): { p50: number; p95: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5) ?? NaN, p95: at(0.95) ?? NaN, n: sorted.length };
}

function describe(r: RunResult): string {
  return (
    `${r.cameras} camera(s) x ${r.fps_per_camera} fps, ${r.detectors} detector(s): ` +
    `${r.frames_per_s} frames/s published, ${r.frames_dropped} dropped, ` +
    `${r.faces_per_s} faces/s; ` +
    `face latency ${percentiles(r.face_latency_ms)}; ` +
    `record latency ${percentiles(r.record_latency_ms)}`
  );
}

function percentiles(s: { p50: number; p95: number; n: number }): string {
  return `p50 ${s.p50} ms p95 ${s.p95} ms (n=${s.n})`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
