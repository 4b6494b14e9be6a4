/**
 * The scene the end-to-end tests play at a camera: three enrolled people and two strangers
 * walk past in a known order, one after another, with grey frames between them. Every
 * photo is a real LFW photo; each enrolled person is enrolled from a different photo of
 * them than the one the camera shows.
 *
 * The people were chosen as clear single-face photos, and the strangers as LFW identities
 * with one photo whose best similarity to the three enrolled photos (0.69-0.79 with the
 * default pack) is well under its threshold (0.851).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { DATA_DIR, type VideoSegment } from '../../fixtures';

export const LFW_IMAGES = path.join(DATA_DIR, 'lfw-deepfunneled', 'images');

function photo(identity: string, index: number): string {
  return path.join(LFW_IMAGES, identity, `${identity}_${String(index).padStart(4, '0')}.jpg`);
}

export interface EnrolledPerson {
  readonly name: string;
  /** The photo they are enrolled from. */
  readonly enrollPhoto: string;
  /** The photo the camera shows. */
  readonly seenPhoto: string;
}

export const PEOPLE: readonly EnrolledPerson[] = ['Al_Gore', 'Aaron_Peirsol', 'Al_Sharpton'].map(
  (identity) => ({
    name: identity.replace(/_/g, ' '),
    enrollPhoto: photo(identity, 1),
    seenPhoto: photo(identity, 2),
  }),
);

export const STRANGERS: readonly string[] = [
  photo('Amporn_Falise', 1),
  photo('Angela_Alvarado_Rosa', 1),
];

const [gore, peirsol, sharpton] = PEOPLE as [EnrolledPerson, EnrolledPerson, EnrolledPerson];
const [strangerA, strangerB] = STRANGERS as [string, string];

/**
 * The video, in order. The grey lead-in leaves the camera time to be added and connected
 * while the stream already plays. Al Gore comes back at the end: within the cooldown, so
 * he must not be checked in twice.
 */
export const SCENE: readonly (VideoSegment & { who?: string })[] = [
  { seconds: 8 },
  { photo: gore.seenPhoto, seconds: 3, who: gore.name },
  { seconds: 1 },
  { photo: strangerA, seconds: 3, who: 'stranger' },
  { seconds: 1 },
  { photo: peirsol.seenPhoto, seconds: 3, who: peirsol.name },
  { seconds: 1 },
  { photo: strangerB, seconds: 3, who: 'stranger' },
  { seconds: 1 },
  { photo: sharpton.seenPhoto, seconds: 3, who: sharpton.name },
  { seconds: 1 },
  { photo: gore.seenPhoto, seconds: 3, who: gore.name },
  { seconds: 3 },
];

/** Every photo the scene needs, missing ones listed, for a skip that says why. */
export function missingPhotos(): string[] {
  const photos = [...PEOPLE.flatMap((p) => [p.enrollPhoto, p.seenPhoto]), ...STRANGERS];
  return photos.filter((file) => !existsSync(file));
}

/** `describe`, or `describe.skip` naming the missing photos. */
export function describeIfScene(name: string, fn: () => void): void {
  const missing = missingPhotos();
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  console.warn(`[skip] ${name}: missing ${missing.join(', ')} (set ROLLCALL_DATA_DIR)`);
  describe.skip(name, fn);
}
