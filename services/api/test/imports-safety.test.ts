/**
 * Bulk import safety on a real Redis, without models: every file here is refused before
 * the vision side is asked, so the jobs finish with the vision client unreachable.
 */
import { createLogger } from '@rollcall/log';

import { loadImportSettings } from '../src/import/import-settings';
import { startImportWorker } from '../src/import/import-worker';
import { finishedImport, getImport, postZip, withDeclaredSize, zipOf } from './support/import-zip';
import { codeOf, startTestApp, type TestApp } from './support/test-app';

const LIMITS = { maxEntries: 20, maxUnpackedBytes: 64 * 1024, photoBytes: 16 * 1024 };

describe('POST /v1/imports refuses unsafe and oversized zips', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ imports: { ...LIMITS, folderRoot: null } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports escaping paths, loose files, non-images and too-large photos per file', async () => {
    const zip = zipOf({
      '../evil.jpg': 'x',
      '/etc/passwd.jpg': 'x',
      'readme.md': '# photos',
      'amy/notes.txt': 'not a photo',
      'amy/huge.jpg': Buffer.alloc(20 * 1024, 1),
      '__MACOSX/amy/._huge.jpg': 'resource fork',
      'amy/.DS_Store': 'finder',
    });

    const reply = await postZip(t, zip);
    expect(reply.statusCode).toBe(202);
    const body = await finishedImport(t, reply.json<{ id: string }>().id);

    expect(body.state).toBe('completed');
    expect(body.files.map((f) => [f.path, f.person, f.code])).toEqual([
      ['../evil.jpg', null, 'IMPORT_ENTRY_UNSAFE'],
      ['/etc/passwd.jpg', null, 'IMPORT_ENTRY_UNSAFE'],
      ['readme.md', null, 'IMPORT_NO_PERSON_FOLDER'],
      ['amy/huge.jpg', 'amy', 'IMPORT_FILE_TOO_LARGE'],
      ['amy/notes.txt', 'amy', 'IMPORT_FILE_NOT_IMAGE'],
    ]);
    // A folder none of whose files was accepted makes no person.
    expect(body.progress).toEqual({
      people: { total: 1, done: 1, created: 0 },
      photos: { total: 5, done: 5, accepted: 0, refused: 5 },
      ignored: 2,
    });
    expect(body.filesTotal).toBe(5);
    const people = await t.app.inject({ url: '/v1/people', headers: { authorization: t.auth } });
    expect(people.json<{ people: unknown[] }>().people).toEqual([]);
  });

  it('refuses an entry that inflates past its declared size (a zip bomb) without reading on', async () => {
    const zip = withDeclaredSize(zipOf({ 'amy/bomb.jpg': Buffer.alloc(8 * 1024, 0) }), 10);

    const reply = await postZip(t, zip);
    expect(reply.statusCode).toBe(202);
    const body = await finishedImport(t, reply.json<{ id: string }>().id);

    expect(body.files).toEqual([
      expect.objectContaining({ path: 'amy/bomb.jpg', code: 'IMPORT_ARCHIVE_INVALID' }),
    ]);
  });

  it('refuses, before queueing, a zip over the unpacked-bytes or entry-count limit', async () => {
    const big = zipOf({
      'amy/a.jpg': Buffer.alloc(40 * 1024),
      'raj/b.jpg': Buffer.alloc(40 * 1024),
    });
    const many = zipOf(
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p/${i}.jpg`, 'x'])),
    );

    for (const zip of [big, many]) {
      const reply = await postZip(t, zip);
      expect([reply.statusCode, codeOf(reply.body)]).toEqual([413, 'IMPORT_ARCHIVE_TOO_LARGE']);
    }
  });

  it('refuses what is not a zip, a zip without person folders, and a folder when off', async () => {
    const notZip = await postZip(t, Buffer.from('PK but not really'));
    const empty = await postZip(t, zipOf({ 'readme.md': 'nobody here' }));
    const folder = await t.app.inject({
      method: 'POST',
      url: '/v1/imports',
      headers: { authorization: t.auth },
      payload: { folder: '/etc' },
    });

    expect([notZip.statusCode, codeOf(notZip.body)]).toEqual([422, 'IMPORT_ARCHIVE_INVALID']);
    expect([empty.statusCode, codeOf(empty.body)]).toEqual([422, 'IMPORT_NO_PERSON_FOLDER']);
    expect([folder.statusCode, codeOf(folder.body)]).toEqual([403, 'IMPORT_FOLDER_NOT_ALLOWED']);
  });

  it('answers IMPORT_NOT_FOUND for an unknown id', async () => {
    const reply = await t.app.inject({
      method: 'GET',
      url: '/v1/imports/imp_0000000000000000',
      headers: { authorization: t.auth },
    });
    expect([reply.statusCode, codeOf(reply.body)]).toEqual([404, 'IMPORT_NOT_FOUND']);
  });
});

describe('with the in-process worker off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ imports: { ...LIMITS, worker: false } });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An import queued with its first file's outcome already recorded, as after a crash. */
  async function queueWithOneOutcomeDone(): Promise<string> {
    const reply = await postZip(t, zipOf({ 'amy/a.txt': 'a', 'amy/b.txt': 'b' }));
    const { id } = reply.json<{ id: string }>();
    const done = { path: 'amy/a.txt', person: 'amy', personId: null, status: 'refused' };
    await t.redis.rpush(t.keys.importFiles(id), JSON.stringify({ ...done, code: 'DONE_BEFORE' }));
    return id;
  }

  it('queues the import, and a worker started on its own runs it', async () => {
    const reply = await postZip(t, zipOf({ 'amy/notes.txt': 'not a photo' }));
    const { id } = reply.json<{ id: string }>();
    expect((await getImport(t, id)).state).toBe('queued');

    const resumeId = await queueWithOneOutcomeDone();
    const worker = startImportWorker({
      redis: t.redis,
      keys: t.keys,
      registry: { redis: t.redis, keys: t.keys, now: Date.now },
      vision: { kind: 'unused' } as never,
      logger: createLogger({ service: 'import-test', level: 'warn' }),
      limits: { ...LIMITS },
      folderRoot: loadImportSettings({}).folderRoot,
    });
    try {
      const body = await finishedImport(t, id);
      expect(body.files.map((f) => f.code)).toEqual(['IMPORT_FILE_NOT_IMAGE']);

      // A job handed on after a crash skips the files it already has outcomes for.
      const resumed = await finishedImport(t, resumeId);
      expect(resumed.files.map((f) => [f.path, f.code])).toEqual([
        ['amy/a.txt', 'DONE_BEFORE'],
        ['amy/b.txt', 'IMPORT_FILE_NOT_IMAGE'],
      ]);
      expect(resumed.progress.photos).toEqual({ total: 2, done: 2, accepted: 0, refused: 2 });

      const list = await t.app.inject({
        method: 'GET',
        url: '/v1/imports',
        headers: { authorization: t.auth },
      });
      const listed = list.json<{ imports: { id: string }[] }>().imports.map((i) => i.id);
      expect(listed.sort()).toEqual([resumeId, id].sort());
    } finally {
      await worker.close();
    }
  });
});
