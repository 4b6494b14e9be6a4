import { decodeEntryAs } from '@rollcall/contracts';
import {
  CONSUMER_GROUPS,
  entryFields,
  infoFields,
  streamGroups,
  type KeySpace,
  type StreamRef,
} from '@rollcall/streams';
import type { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';

import { judgeCameraStatus } from '../cameras/camera-freshness';

/**
 * The pipeline's figures, read from Redis when Prometheus scrapes (no service has to push
 * them, and every API replica reports the same): entries ever added to each stream (frames
 * in, faces, embeddings, matches, records), each group's lag and pending count, dead
 * letters, per-camera published/dropped frames, fps and state, and the frame-to-match
 * latency of the most recent matches. `now` (ms, default `Date.now`) judges camera status
 * freshness.
 */
export function registerPipelineMetrics(
  registry: Registry,
  redis: Redis,
  keys: KeySpace,
  now: () => number = Date.now,
): void {
  if (registry.getSingleMetric('rollcall_stream_entries_added') !== undefined) return;
  const stages = stagesOf(keys);

  new Gauge({
    name: 'rollcall_stream_entries_added',
    help:
      'Entries ever appended to a pipeline stream ' +
      '(frames, faces, embeddings, matches, attendance).',
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      for (const { name, ref } of stages) {
        const info = await streamInfo(redis, ref);
        if (info !== undefined) this.set({ stream: name }, info.added);
      }
    },
  });

  const groupGauge = (name: string, help: string, pick: 'lag' | 'pending') =>
    new Gauge({
      name,
      help,
      labelNames: ['stream', 'group'],
      registers: [registry],
      async collect() {
        for (const { name: stream, ref, group } of stages) {
          const value = (await groupInfo(redis, ref, group))?.[pick];
          if (value !== undefined) this.set({ stream, group }, value);
        }
      },
    });
  groupGauge(
    'rollcall_stream_group_lag',
    'Entries of a stream not yet delivered to its consumer group.',
    'lag',
  );
  groupGauge(
    'rollcall_stream_group_pending',
    'Entries delivered to a consumer group and not yet acknowledged.',
    'pending',
  );

  new Gauge({
    name: 'rollcall_stream_dead_letters',
    help: "Entries moved to a stream's dead-letter stream after failing every delivery.",
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      for (const { name, ref } of stages) {
        this.set({ stream: name }, await redis.xlen(keys.deadLetters(ref).key));
      }
    },
  });

  registerCameraMetrics(registry, redis, keys, now);
  registerLatencyMetric(registry, redis, keys);
}

function registerCameraMetrics(
  registry: Registry,
  redis: Redis,
  keys: KeySpace,
  now: () => number,
): void {
  const read = async () => {
    const ids = await redis.smembers(keys.cameras);
    return Promise.all(
      ids.map(async (id) => {
        const status = await redis.hgetall(keys.cameraStatus(id));
        return { id, status: judgeCameraStatus(status, now()) };
      }),
    );
  };
  const gauge = (name: string, help: string, value: (status: Record<string, string>) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['camera'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { id, status } of await read()) this.set({ camera: id }, value(status));
      },
    });

  gauge('rollcall_camera_frames_published', 'Frames a camera put on the frames stream.', (s) =>
    Number(s.published ?? 0),
  );
  gauge(
    'rollcall_camera_frames_dropped',
    'Frames dropped because the detectors lagged (freshness over completeness).',
    (s) => Number(s.dropped ?? 0),
  );
  gauge('rollcall_camera_fps', 'Frames per second a camera delivers, as ingest measures it.', (s) =>
    Number(s.fps ?? 0),
  );
  gauge(
    'rollcall_camera_online',
    '1 while frames flow from the camera, else 0 (also when its status is stale).',
    (s) => (s.state === 'online' ? 1 : 0),
  );
}

/** How many recent matches the latency quantiles are taken over. */
const LATENCY_SAMPLE = 200;

function registerLatencyMetric(registry: Registry, redis: Redis, keys: KeySpace): void {
  new Gauge({
    name: 'rollcall_frame_to_match_seconds',
    help:
      "Time from a frame's capture to its match being appended, " +
      `over the last ${LATENCY_SAMPLE} matches.`,
    labelNames: ['quantile'],
    registers: [registry],
    async collect() {
      this.reset();
      const entries = await redis.xrevrangeBuffer(
        keys.matches.key,
        '+',
        '-',
        'COUNT',
        LATENCY_SAMPLE,
      );
      const seconds = entries
        .map(([id, flat]) => latencySeconds(id, flat))
        .filter((value) => Number.isFinite(value))
        .sort((a, b) => a - b);
      if (seconds.length === 0) return;
      for (const q of [0.5, 0.95]) {
        const value = seconds[Math.min(seconds.length - 1, Math.floor(q * seconds.length))] ?? 0;
        this.set({ quantile: String(q) }, value);
      }
    },
  });
}

/** Append time (the entry id) minus capture time; NaN for an entry that does not decode. */
function latencySeconds(id: Buffer, flat: Buffer[]): number {
  try {
    const appendedAt = Number(id.toString().split('-')[0]);
    const capturedAt = decodeEntryAs('FaceMatched', entryFields(flat)).face?.capturedAtMs;
    return capturedAt === undefined ? NaN : (appendedAt - capturedAt) / 1000;
  } catch {
    return NaN;
  }
}

interface Stage {
  readonly name: string;
  readonly ref: StreamRef;
  /** The group that consumes it; attendance records have none of the pipeline's. */
  readonly group: string;
}

function stagesOf(keys: KeySpace): Stage[] {
  return [
    { name: 'frames', ref: keys.frames, group: CONSUMER_GROUPS.detector },
    { name: 'faces', ref: keys.faces, group: CONSUMER_GROUPS.embedder },
    { name: 'embeddings', ref: keys.embeddings, group: CONSUMER_GROUPS.matcher },
    { name: 'matches', ref: keys.matches, group: CONSUMER_GROUPS.attendance },
    { name: 'attendance', ref: keys.attendance, group: '' },
  ];
}

async function streamInfo(redis: Redis, stream: StreamRef): Promise<{ added: number } | undefined> {
  const reply = await redis.call('XINFO', 'STREAM', stream.key).catch(() => undefined);
  if (!Array.isArray(reply)) return undefined;
  const added = infoFields(reply).get('entries-added');
  return added === undefined ? undefined : { added: Number(added) };
}

async function groupInfo(
  redis: Redis,
  stream: StreamRef,
  group: string,
): Promise<{ lag: number | undefined; pending: number } | undefined> {
  if (group === '') return undefined;
  const rows = await streamGroups(redis, stream).catch(() => []);
  for (const row of rows) {
    if (String(row.get('name')) !== group) continue;
    const lag = row.get('lag');
    return { lag: typeof lag === 'number' ? lag : undefined, pending: Number(row.get('pending')) };
  }
  return undefined;
}
