import type { FaceMatch } from '../../src';
import { T0, standing } from './faces';

const MINUTE = 60_000;

/**
 * A scripted morning on three cameras: Ada stands at door-1 beside an unknown visitor, Bob
 * at door-2, and five minutes later Ada leaves through exit-1. Matches are in capture order,
 * as the matcher would append them.
 */
export function morning(): FaceMatch[] {
  const ada = standing({ personId: 'ada', vectorSeed: 1, frames: 8, cameraId: 'door-1' });
  const visitor = standing({
    personId: '',
    vectorSeed: 7,
    frames: 8,
    cameraId: 'door-1',
    x: 400,
    index: 1,
  });
  const bob = standing({
    personId: 'bob',
    vectorSeed: 2,
    frames: 8,
    cameraId: 'door-2',
    startMs: T0 + 100,
  });
  const leaving = standing({
    personId: 'ada',
    vectorSeed: 1,
    frames: 4,
    cameraId: 'exit-1',
    startMs: T0 + 5 * MINUTE,
  });

  return [...ada, ...visitor, ...bob, ...leaving].sort(
    (a, b) => a.capturedAtMs - b.capturedAtMs || a.faceId.localeCompare(b.faceId),
  );
}

/** When the sweep is moved to so that Bob, last seen at the door, is checked out. */
export const AFTER_TIMEOUT = T0 + 60 * MINUTE;
