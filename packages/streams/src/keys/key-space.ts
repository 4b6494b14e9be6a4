import { checkPart, checkPrefix } from './key-part';
import { STREAM_CAPS, type StreamCapName } from './stream-caps';
import type { StreamRef } from './stream-ref';

/** Key prefix used when none is given. */
export const DEFAULT_KEY_PREFIX = '{rollcall}';

/**
 * Every Redis key and stream name Rollcall uses, built from one prefix as
 * `<prefix>:<entity>:<part>` (per-id entities: `<prefix>:<entity>:<id>:<part>`).
 * Nothing else in the code base spells a key.
 *
 * Frames travel in one stream for all cameras, with the camera id as a field: detector
 * workers then form one consumer group over one stream and any number of processes share
 * every camera's load; per-camera streams would need a group and a blocking read per
 * camera in each worker. Freshness per camera is kept by producers dropping frames on lag.
 */
export interface KeySpace {
  readonly prefix: string;

  // Pipeline streams, in the order data flows.
  /** Frames from every camera (fields: cameraId, ts, image bytes). */
  readonly frames: StreamRef;
  /** Face crops and boxes found in frames. */
  readonly faces: StreamRef;
  /** Embeddings of face crops. */
  readonly embeddings: StreamRef;
  /** Match results: embedding against the registry. */
  readonly matches: StreamRef;
  /** Attendance records written by the attendance service. */
  readonly attendance: StreamRef;
  /** Dead letters of one stream: `<stream key>:dead` without its `:stream` suffix. */
  deadLetters(stream: StreamRef): StreamRef;

  // Registry: who can be recognised.
  /** Hash: person id -> person record (JSON). */
  readonly people: string;
  /** Hash of one person's enrolment samples: sample id -> embedding bytes. */
  samples(personId: string): string;
  /** Hash of one person's sample records: sample id -> JSON (model id, quality, time). */
  sampleMeta(personId: string): string;
  /** Hash of one person's stored face crops: sample id -> JPEG bytes. */
  sampleCrops(personId: string): string;
  /** Hash: an integrator's external id -> person id (unique index). */
  readonly externalIds: string;
  /** Stream of registry edits (person or sample added, changed, removed). */
  readonly registryChanges: StreamRef;

  // Cameras and settings.
  /** Set of configured camera ids. */
  readonly cameras: string;
  /** Hash: one camera's configuration (url, fps, zones). */
  cameraConfig(cameraId: string): string;
  /** Hash: one camera's live status (state, last frame time, error). */
  cameraStatus(cameraId: string): string;
  /** Stream of camera edits (fields: cameraId, change = upserted | deleted), for ingest. */
  readonly cameraChanges: StreamRef;
  /** Hash: global settings (thresholds, retention). */
  readonly settings: string;

  // Attendance: records by id and their indexes (sorted sets: record id scored by time).
  /** Hash: record id -> encoded AttendanceRecord; also the guard against a second write. */
  readonly attendanceRecords: string;
  /** Hash: person id -> presence JSON (last check-in, last sighting), kept over restarts. */
  readonly attendancePresence: string;
  /** Sorted set of one local day's record ids (`YYYY-MM-DD` in the configured zone). */
  attendanceByDay(day: string): string;
  /** Sorted set of one person's record ids. */
  attendanceByPerson(personId: string): string;
  /** Sorted set of the record ids decided on one camera. */
  attendanceByCamera(cameraId: string): string;
  /** Hash: sha256 of an API key -> key record (JSON). Keys themselves are never stored. */
  readonly apiKeys: string;
  /** Hash: username -> user account (JSON: display name, role, salted scrypt hash). */
  readonly users: string;
  /** String: the signed-in username of one session, by the token's sha256; expires. */
  session(tokenHash: string): string;
  /** String: failed sign-ins for one username in the current window; expires. */
  loginFailures(username: string): string;
  /** String: the one-machine launcher holding this Redis and prefix (JSON: pid, host, port). */
  readonly launcherLock: string;

  // Background jobs (BullMQ) and what they keep beside the queue.
  /** BullMQ's `prefix` option: a queue's keys are `<this>:<queue name>:...`. */
  readonly jobQueuePrefix: string;
  /** List of one bulk import's per-file outcomes (JSON), in the order they were done. */
  importFiles(importId: string): string;
  /** String: an uploaded import archive, kept until its job has read it. */
  importArchive(importId: string): string;
}

/** The key space for `prefix` (default `{rollcall}`: one Cluster slot for everything). */
export function createKeySpace(prefix: string = DEFAULT_KEY_PREFIX): KeySpace {
  const p = checkPrefix(prefix);
  const stream = (entity: string, cap: StreamCapName): StreamRef => ({
    key: `${p}:${entity}:stream`,
    maxLen: STREAM_CAPS[cap],
  });

  return Object.freeze({
    prefix: p,
    frames: stream('frames', 'frames'),
    faces: stream('faces', 'faces'),
    embeddings: stream('embeddings', 'embeddings'),
    matches: stream('matches', 'matches'),
    attendance: stream('attendance', 'attendance'),
    deadLetters: (of: StreamRef) => ({
      key: `${of.key.replace(/:stream$/, '')}:dead`,
      maxLen: STREAM_CAPS.deadLetters,
    }),
    people: `${p}:registry:people`,
    samples: (personId: string) => `${p}:samples:${checkPart('person id', personId)}:embeddings`,
    sampleMeta: (personId: string) => `${p}:samples:${checkPart('person id', personId)}:meta`,
    sampleCrops: (personId: string) => `${p}:samples:${checkPart('person id', personId)}:crops`,
    externalIds: `${p}:registry:external-ids`,
    registryChanges: { key: `${p}:registry:changes`, maxLen: STREAM_CAPS.registryChanges },
    cameras: `${p}:cameras:ids`,
    cameraConfig: (id: string) => `${p}:camera:${checkPart('camera id', id)}:config`,
    cameraStatus: (id: string) => `${p}:camera:${checkPart('camera id', id)}:status`,
    cameraChanges: { key: `${p}:cameras:changes`, maxLen: STREAM_CAPS.cameraChanges },
    settings: `${p}:settings:global`,
    attendanceRecords: `${p}:attendance:records`,
    attendancePresence: `${p}:attendance:presence`,
    attendanceByDay: (day: string) => `${p}:day:${checkPart('day', day)}:attendance`,
    attendanceByPerson: (id: string) => `${p}:person:${checkPart('person id', id)}:attendance`,
    attendanceByCamera: (id: string) => `${p}:camera:${checkPart('camera id', id)}:attendance`,
    apiKeys: `${p}:apikeys:hashes`,
    users: `${p}:users:accounts`,
    session: (hash: string) => `${p}:session:${checkPart('session hash', hash)}:user`,
    loginFailures: (name: string) => `${p}:user:${checkPart('username', name)}:login-failures`,
    launcherLock: `${p}:launcher:lock`,
    jobQueuePrefix: `${p}:jobs`,
    importFiles: (id: string) => `${p}:import:${checkPart('import id', id)}:files`,
    importArchive: (id: string) => `${p}:import:${checkPart('import id', id)}:archive`,
  });
}
