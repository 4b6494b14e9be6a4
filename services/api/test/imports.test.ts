/**
 * Bulk import of real photos (the bbt identities: one folder per person) on a real Redis,
 * with the default pack in process: a zip upload and a server folder, each photo through
 * the same enrollment as POST /v1/people/:id/faces.
 */
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  copyFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { FaceAnalyzer } from '@rollcall/vision';

import { InProcessVisionClient } from '../src';
import { dataPath, describeIfData } from '../../../packages/vision/test/support/data';
import { analyzerIfPresent } from './support/analyzer';
import { finishedImport, postZip, zipOf } from './support/import-zip';
import { codeOf, startTestApp, type TestApp } from './support/test-app';

const IDENTITIES = 'bbt-face-api-js/identities';

function photosOf(person: string, count: number): [string, Buffer][] {
  const folder = dataPath(`${IDENTITIES}/${person}`);
  return readdirSync(folder)
    .sort()
    .slice(0, count)
    .map((name) => [name, readFileSync(path.join(folder, name))]);
}

describeIfData('bulk import of real person folders', IDENTITIES, () => {
  let analyzer: FaceAnalyzer | undefined;
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    analyzer = await analyzerIfPresent();
    if (analyzer === undefined) return;
    root = mkdtempSync(path.join(tmpdir(), 'rollcall-import-'));
    t = await startTestApp({
      vision: new InProcessVisionClient(analyzer),
      imports: { folderRoot: root },
    });
  });

  afterAll(async () => {
    await t?.close();
    await analyzer?.close();
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  function api(method: 'GET' | 'POST', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: { authorization: t.auth }, payload });
  }

  it('imports a zip: new people, one matched by external id, photos and refusals per file', async () => {
    if (analyzer === undefined) return;
    const raj = await api('POST', '/v1/people', { name: 'Rajesh Koothrappali', externalId: 'raj' });
    const rajId = raj.json<{ id: string }>().id;
    const entries: Record<string, Buffer | string> = {};
    for (const person of ['amy', 'raj']) {
      for (const [name, bytes] of photosOf(person, 2)) entries[`staff/${person}/${name}`] = bytes;
    }
    entries['staff/amy/broken.jpg'] = 'text saved as .jpg';

    const reply = await postZip(t, zipOf(entries));
    expect(reply.statusCode).toBe(202);
    const body = await finishedImport(t, reply.json<{ id: string }>().id, 120_000);

    expect(body.state).toBe('completed');
    expect(body.progress.people).toEqual({ total: 2, done: 2, created: 1 });
    expect(body.progress.photos).toMatchObject({ total: 5, done: 5 });
    const byPath = Object.fromEntries(body.files.map((f) => [f.path, f]));
    expect(byPath['staff/amy/broken.jpg']).toMatchObject({
      status: 'refused',
      code: 'IMAGE_UNREADABLE',
    });
    expect(byPath['staff/raj/raj1.png']).toMatchObject({ person: 'raj', personId: rajId });
    const accepted = body.files.filter((f) => f.status === 'accepted');
    expect(accepted.length).toBe(body.progress.photos.accepted);
    expect(accepted.length).toBeGreaterThanOrEqual(3);

    // The samples are the person's, as if posted to /v1/people/:id/faces.
    const faces = await api('GET', `/v1/people/${rajId}/faces`);
    const rajAccepted = accepted.filter((f) => f.person === 'raj').map((f) => f.sampleId);
    expect(
      faces
        .json<{ faces: { sampleId: string }[] }>()
        .faces.map((f) => f.sampleId)
        .sort(),
    ).toEqual(rajAccepted.sort());
    const amyId = byPath['staff/amy/amy1.png']?.personId;
    const amy = await api('GET', `/v1/people/${amyId}`);
    expect(amy.json()).toMatchObject({ name: 'amy', externalId: 'amy' });
  });

  it('imports a server folder, refusing a link without following it', async () => {
    if (analyzer === undefined) return;
    const folder = path.join(root, 'club', 'penny');
    mkdirSync(folder, { recursive: true });
    for (const [name] of photosOf('penny', 2)) {
      copyFileSync(dataPath(`${IDENTITIES}/penny/${name}`), path.join(folder, name));
    }
    symlinkSync('/etc/hostname', path.join(folder, 'link.jpg'));

    const reply = await api('POST', '/v1/imports', { folder: 'club' });
    expect(reply.statusCode).toBe(202);
    const body = await finishedImport(t, reply.json<{ id: string }>().id, 120_000);

    expect(body.files.map((f) => [f.path, f.status, f.code ?? null])).toEqual([
      ['penny/link.jpg', 'refused', 'IMPORT_ENTRY_UNSAFE'],
      ['penny/penny1.png', 'accepted', null],
      ['penny/penny2.png', 'accepted', null],
    ]);
    expect(body.progress.people).toEqual({ total: 1, done: 1, created: 1 });
  });

  it('refuses folders outside the import root or absent', async () => {
    if (analyzer === undefined) return;
    const outside = await api('POST', '/v1/imports', { folder: dataPath(IDENTITIES) });
    const climbing = await api('POST', '/v1/imports', { folder: '../..' });
    const absent = await api('POST', '/v1/imports', { folder: 'nobody-here' });

    expect([outside.statusCode, codeOf(outside.body)]).toEqual([403, 'IMPORT_FOLDER_NOT_ALLOWED']);
    expect([climbing.statusCode, codeOf(climbing.body)]).toEqual([
      403,
      'IMPORT_FOLDER_NOT_ALLOWED',
    ]);
    expect([absent.statusCode, codeOf(absent.body)]).toEqual([404, 'DATA_NOT_FOUND']);
  });
});
