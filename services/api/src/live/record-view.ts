import { findPerson } from '@rollcall/registry';

import { getCamera } from '../cameras/camera-store';
import { iso } from '../schemas/common';
import type { RouteDeps } from '../routes/route-deps';
import type { FeedRecord } from './attendance-feed';

/** A feed record as the console shows it: names beside ids, where to fetch the faces. */
export interface RecordView {
  readonly recordId: string;
  readonly type: 'check_in' | 'check_out';
  readonly at: string;
  readonly personId: string;
  /** Null when the person has been deleted since. */
  readonly personName: string | null;
  readonly cameraId: string;
  readonly cameraName: string | null;
  readonly score: number;
  readonly faceId: string;
  /** The person's enrolled face (`GET` with the key), for a guard to compare. */
  readonly thumbnailUrl: string;
  /** The face the camera saw, while the pipeline's streams still hold it. */
  readonly faceUrl: string;
}

export async function recordView(deps: RouteDeps, record: FeedRecord): Promise<RecordView> {
  const person = await findPerson(deps.registry, record.personId);
  const cameraName = await getCamera(deps.cameras, record.cameraId).then(
    (camera) => camera.name,
    () => null,
  );
  return {
    recordId: record.recordId,
    type: record.type,
    at: iso(record.atMs),
    personId: record.personId,
    personName: person?.name ?? null,
    cameraId: record.cameraId,
    cameraName,
    score: record.score,
    faceId: record.faceId,
    thumbnailUrl: `/v1/people/${encodeURIComponent(record.personId)}/thumbnail`,
    faceUrl: `/v1/live/faces/${encodeURIComponent(record.faceId)}?at=${record.atMs}`,
  };
}
