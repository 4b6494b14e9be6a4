import { existsSync } from 'node:fs';
import path from 'node:path';

import type { AdminApi } from './api-client';

/** The demo: a real video played as a camera, and the people in it who can be recognised. */
export interface DemoMaterial {
  /** The video the demo camera loops. */
  readonly video: string;
  readonly people: readonly { name: string; externalId: string; photos: string[] }[];
}

/**
 * The Hamilton clip of the shared data (640x360, 10 s: Lin-Manuel Miranda performing) and
 * the two reference photos that come with it. Undefined when the data is not on this
 * machine (`ROLLCALL_DATA_DIR`).
 */
export function hamiltonDemo(dataDir: string): DemoMaterial | undefined {
  const folder = path.join(dataDir, 'video', 'face_recognition');
  const video = path.join(folder, 'short_hamilton_clip.mp4');
  const people = [
    {
      name: 'Lin-Manuel Miranda',
      externalId: 'demo-lin-manuel-miranda',
      photo: 'lin-manuel-miranda.png',
    },
    { name: 'Alex Lacamoire', externalId: 'demo-alex-lacamoire', photo: 'alex-lacamoire.png' },
  ].map(({ photo, ...person }) => ({ ...person, photos: [path.join(folder, photo)] }));
  const files = [video, ...people.flatMap((person) => person.photos)];
  return files.every((file) => existsSync(file)) ? { video, people } : undefined;
}

interface PersonList {
  people: { id: string; externalId: string | null }[];
}
interface CameraList {
  cameras: { id: string; name: string; url: string }[];
}

/** What the demo set up (or found already set up by an earlier start). */
export interface DemoSetup {
  readonly cameraId: string;
  readonly enrolled: string[];
}

/**
 * Enrolls the demo's people and adds the demo camera, once: an earlier start's person (by
 * external id) or camera (by name) is reused, so starting twice does not double them.
 */
export async function setUpDemo(api: AdminApi, demo: DemoMaterial): Promise<DemoSetup> {
  const known = await api.get<PersonList>('/v1/people?limit=1000');
  const enrolled: string[] = [];
  for (const person of demo.people) {
    if (known.people.some((p) => p.externalId === person.externalId)) continue;
    const { id } = await api.post<{ id: string }>('/v1/people', {
      name: person.name,
      externalId: person.externalId,
      group: 'demo',
    });
    await api.uploadFaces(id, person.photos);
    enrolled.push(person.name);
  }
  const cameraId = await addCameraOnce(api, 'Demo: Hamilton clip', `file://${demo.video}?loop=1`);
  return { cameraId, enrolled };
}

/** Adds a camera with this name unless one exists; its id either way. */
export async function addCameraOnce(api: AdminApi, name: string, url: string): Promise<string> {
  const { cameras } = await api.get<CameraList>('/v1/cameras');
  const existing = cameras.find((camera) => camera.name === name);
  if (existing !== undefined) return existing.id;
  const { id } = await api.post<{ id: string }>('/v1/cameras', { name, url });
  return id;
}
