/**
 * Refusals in our words: size limits name the limit and the setting that raises it, the
 * wrong content type says how to send photos, and a wrong method on a real path is 405.
 */
import { multipart } from './support/multipart';
import { postZip } from './support/import-zip';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let personId: string;

beforeAll(async () => {
  t = await startTestApp({
    limits: { bodyBytes: 200, fileBytes: 1024, files: 2 },
    imports: { uploadBytes: 2048, worker: false },
  });
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/people',
    headers: { authorization: t.auth },
    payload: { name: 'Ada' },
  });
  personId = created.json<{ id: string }>().id;
});

afterAll(async () => {
  await t.close();
});

function upload(files: { filename: string; content: Buffer }[]) {
  const { payload, headers } = multipart(files);
  return t.app.inject({
    method: 'POST',
    url: `/v1/people/${personId}/faces`,
    headers: { ...headers, authorization: t.auth },
    payload,
  });
}

function errorOf(reply: { json: <T>() => T }) {
  return reply.json<{ error: { code: string; message: string } }>().error;
}

describe('size limits', () => {
  it('names the per-photo limit and its setting', async () => {
    const reply = await upload([{ filename: 'big.jpg', content: Buffer.alloc(4096, 1) }]);
    expect(reply.statusCode).toBe(413);
    expect(errorOf(reply)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message:
        'A photo is over the 1 KiB limit per file (ROLLCALL_API_FILE_LIMIT); send a smaller photo.',
    });
  });

  it('names the most files per upload', async () => {
    const small = (n: number) => ({ filename: `${n}.jpg`, content: Buffer.from('x') });
    const reply = await upload([small(1), small(2), small(3)]);
    expect(reply.statusCode).toBe(413);
    expect(errorOf(reply).message).toBe(
      'The upload has more than 2 files, the most one request may carry ' +
        '(ROLLCALL_API_MAX_FILES); send the rest in another request.',
    );
  });

  it('names the JSON body limit', async () => {
    const reply = await t.app.inject({
      method: 'POST',
      url: '/v1/people',
      headers: { authorization: t.auth },
      payload: { name: 'x'.repeat(500) },
    });
    expect(reply.statusCode).toBe(413);
    expect(errorOf(reply).message).toBe(
      'The request body is over the 200 bytes limit (ROLLCALL_API_BODY_LIMIT); send less.',
    );
  });

  it('names the import zip limit on the import route', async () => {
    const reply = await postZip(t, Buffer.alloc(8192, 1));
    expect(reply.statusCode).toBe(413);
    expect(errorOf(reply).message).toBe(
      'The zip is over the 2 KiB upload limit (ROLLCALL_IMPORT_MAX_UPLOAD); split the ' +
        'folders into smaller zips.',
    );
  });
});

describe('content type and method', () => {
  it('says how to send photos, with the field name the examples use', async () => {
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/people/${personId}/faces`,
      headers: { authorization: t.auth },
      payload: { photo: 'x' },
    });
    expect(reply.statusCode).toBe(415);
    expect(errorOf(reply).message).toContain('curl -F files=@photo1.jpg -F files=@photo2.jpg');
  });

  it('answers 405 with Allow for a wrong method on a real path, 404 for no path', async () => {
    const wrong = await t.app.inject({ method: 'PUT', url: '/v1/people?limit=5' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD, POST');
    expect(errorOf(wrong)).toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      message: '/v1/people does not answer PUT; it answers GET, HEAD, POST (see /docs).',
    });

    const byId = await t.app.inject({ method: 'POST', url: `/v1/people/${personId}` });
    expect(byId.statusCode).toBe(405);

    const none = await t.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect([none.statusCode, errorOf(none).code]).toEqual([404, 'NOT_FOUND']);
  });
});
