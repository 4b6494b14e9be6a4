/**
 * Enrolling the same photo file twice for a person stores it once: a repeat upload, a
 * repeat inside one upload and a re-run bulk import are refused as FACE_ALREADY_ENROLLED.
 * Real photos, the default pack in process, a real Redis under a fresh prefix.
 */
import { readFileSync } from 'node:fs';

import type { FaceAnalyzer } from '@rollcall/vision';

import { InProcessVisionClient } from '../src';
import { dataPath, describeIfData } from '../../../packages/vision/test/support/data';
import { analyzerIfPresent } from './support/analyzer';
import { finishedImport, postZip, zipOf } from './support/import-zip';
import { multipart, type FilePart } from './support/multipart';
import { startTestApp, type TestApp } from './support/test-app';

const POWELL_1 = 'lfw-deepfunneled/images/Colin_Powell/Colin_Powell_0001.jpg';
const POWELL_2 = 'lfw-deepfunneled/images/Colin_Powell/Colin_Powell_0002.jpg';

interface Enrollment {
  accepted: { file: string; sampleId: string }[];
  refused: { file: string; code: string; message: string }[];
}

function part(relPath: string, filename = relPath.split('/').pop() as string): FilePart {
  return { filename, content: readFileSync(dataPath(relPath)) };
}

describeIfData('enrolling the same photo again', POWELL_2, () => {
  let analyzer: FaceAnalyzer | undefined;
  let t: TestApp;

  beforeAll(async () => {
    analyzer = await analyzerIfPresent();
    if (analyzer === undefined) return;
    t = await startTestApp({ vision: new InProcessVisionClient(analyzer) });
  });

  afterAll(async () => {
    await t?.close();
    await analyzer?.close();
  });

  function api(method: 'GET' | 'POST', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: { authorization: t.auth }, payload });
  }

  async function upload(personId: string, files: FilePart[]): Promise<Enrollment> {
    const { payload, headers } = multipart(files);
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/people/${personId}/faces`,
      headers: { ...headers, authorization: t.auth },
      payload,
    });
    expect(reply.statusCode).toBe(200);
    return reply.json<Enrollment>();
  }

  async function sampleCount(personId: string): Promise<number> {
    const faces = await api('GET', `/v1/people/${personId}/faces`);
    return faces.json<{ faces: unknown[] }>().faces.length;
  }

  it('refuses a photo the person has already, in a later upload or the same one', async () => {
    if (analyzer === undefined) return;
    const id = (await api('POST', '/v1/people', { name: 'Colin' })).json<{ id: string }>().id;

    const first = await upload(id, [part(POWELL_1), part(POWELL_1, 'copy.jpg')]);
    expect(first.accepted.map((a) => a.file)).toEqual(['Colin_Powell_0001.jpg']);
    expect(first.refused).toEqual([
      {
        file: 'copy.jpg',
        code: 'FACE_ALREADY_ENROLLED',
        message: `This photo is already enrolled for this person as sample ${first.accepted[0]?.sampleId}; nothing was added.`,
      },
    ]);

    const again = await upload(id, [part(POWELL_1), part(POWELL_2)]);
    expect(again.refused.map((r) => [r.file, r.code])).toEqual([
      ['Colin_Powell_0001.jpg', 'FACE_ALREADY_ENROLLED'],
    ]);
    expect(again.accepted.map((a) => a.file)).toEqual(['Colin_Powell_0002.jpg']);
    expect(await sampleCount(id)).toBe(2);

    // Another person may have the same photo: the check is per person.
    const other = (await api('POST', '/v1/people', { name: 'Twin' })).json<{ id: string }>().id;
    expect((await upload(other, [part(POWELL_1)])).accepted).toHaveLength(1);
  });

  it('adds nothing when an import runs again, and makes no person for a folder of refusals', async () => {
    if (analyzer === undefined) return;
    const zip = zipOf({
      'colin-import/one.jpg': readFileSync(dataPath(POWELL_1)),
      'notes-only/readme.txt': 'no photos here',
    });

    const first = await finishedImport(t, (await postZip(t, zip)).json<{ id: string }>().id);
    expect(first.progress.people).toEqual({ total: 2, done: 2, created: 1 });
    const personId = first.files.find((f) => f.path === 'colin-import/one.jpg')?.personId;
    expect(first.files.find((f) => f.path === 'notes-only/readme.txt')).toMatchObject({
      personId: null,
      code: 'IMPORT_FILE_NOT_IMAGE',
    });

    const second = await finishedImport(t, (await postZip(t, zip)).json<{ id: string }>().id);
    expect(second.progress.people.created).toBe(0);
    expect(second.files.find((f) => f.path === 'colin-import/one.jpg')).toMatchObject({
      status: 'refused',
      code: 'FACE_ALREADY_ENROLLED',
      personId,
    });
    expect(await sampleCount(personId as string)).toBe(1);

    const people = (await api('GET', '/v1/people?limit=100')).json<{
      people: { externalId: string | null }[];
    }>().people;
    expect(people.map((p) => p.externalId)).not.toContain('notes-only');
  });
});
