/**
 * The consumer group of each pipeline stage, in the order a frame travels. One place, so a
 * producer that watches a downstream group's lag (ingest watches the detectors) names the
 * same group the workers join.
 */
export const CONSUMER_GROUPS = Object.freeze({
  detector: 'detector',
  embedder: 'embedder',
  matcher: 'matcher',
  attendance: 'attendance',
} as const);
