import { createHash } from 'node:crypto';

/*
 * Record ids are derived from the decision, never random, so a decision made again (the
 * same matches replayed, or redelivered after a crash before the ack) yields the same id
 * and the store keeps one record. 128 bits of sha256: collisions are not a concern.
 */

/** A check-in: the person, the track and its vote window, and the sighting that checked in. */
export function checkInId(input: {
  personId: string;
  trackId: string;
  windowStartMs: number;
  decidedAtMs: number;
  atMs: number;
}): string {
  const { personId, trackId, windowStartMs, decidedAtMs, atMs } = input;
  return digest(['check_in', personId, trackId, windowStartMs, decidedAtMs, atMs]);
}

/** A check-out closes one check-in, so one check-in has at most one check-out id. */
export function checkOutId(personId: string, checkInRecordId: string): string {
  return digest(['check_out', personId, checkInRecordId]);
}

function digest(parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
