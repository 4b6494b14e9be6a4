import type { AdminApi } from '@rollcall/stack';

import type { EnrolledPerson } from './entrance-scenario';

export interface AttendanceRecordView {
  readonly recordId: string;
  readonly personId: string;
  readonly type: 'check_in' | 'check_out';
  readonly at: string;
  readonly cameraId: string;
  readonly score: number;
}

/** Enrolls each person from their enrollment photo; their ids by name. */
export async function enroll(
  api: AdminApi,
  people: readonly EnrolledPerson[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of people) {
    const { id } = await api.post<{ id: string }>('/v1/people', { name: person.name });
    const result = await api.uploadFaces<{ accepted: unknown[]; refused: unknown[] }>(id, [
      person.enrollPhoto,
    ]);
    if (result.accepted.length !== 1) {
      throw new Error(`${person.name} was not enrolled: ${JSON.stringify(result.refused)}`);
    }
    ids.set(person.name, id);
  }
  return ids;
}

/** Today's records (UTC day), oldest first. */
export async function todaysRecords(api: AdminApi): Promise<AttendanceRecordView[]> {
  const { records } = await api.get<{ records: AttendanceRecordView[] }>('/v1/attendance');
  return [...records].sort((a, b) => a.at.localeCompare(b.at));
}

export async function cameraStatus(
  api: AdminApi,
  cameraId: string,
): Promise<Record<string, string>> {
  const camera = await api.get<{ status: Record<string, string> }>(`/v1/cameras/${cameraId}`);
  return camera.status;
}
