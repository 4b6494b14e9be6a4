/**
 * How many entries each stream keeps (`MAXLEN ~`), in one place so memory can be sized.
 * A stream is a buffer between services, not storage: what must last goes to a database.
 *
 * Sizes, with the reasoning:
 * - frames: raw or JPEG frames of every camera in one stream. At ~100 KB a JPEG and a
 *   720p raw frame at 2.7 MB, 500 entries is 50 MB to 1.4 GB; producers drop stale frames
 *   on lag (see `DropPolicy`) long before the cap, so the cap is a last guard.
 * - faces: crops with boxes, far smaller and fewer than frames.
 * - embeddings / matches: 2 KB vectors and small match records.
 * - attendance: records the attendance service persists; kept longer so a restart of a
 *   reader (e.g. a webhook sender) can catch up.
 * - registry changes: every enrolment edit, read by matchers to refresh their index.
 * - camera changes: every camera edit, read by ingest to start, restart or stop a source.
 * - dead letters: entries that failed `maxDeliveries` times, kept for a person to inspect.
 */
export const STREAM_CAPS = {
  frames: 500,
  faces: 2_000,
  embeddings: 10_000,
  matches: 10_000,
  attendance: 100_000,
  registryChanges: 10_000,
  cameraChanges: 1_000,
  deadLetters: 10_000,
} as const satisfies Record<string, number>;

export type StreamCapName = keyof typeof STREAM_CAPS;
