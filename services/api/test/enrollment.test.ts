import { readFileSync } from 'node:fs';

import type { FaceAnalyzer } from '@rollcall/vision';

import { InProcessVisionClient } from '../src';
import { dataPath, describeIfData } from '../../../packages/vision/test/support/data';
import { analyzerIfPresent } from './support/analyzer';
import { multipart, type FilePart } from './support/multipart';
import { codeOf, startTestApp, type TestApp } from './support/test-app';

const POWELL_1 = 'lfw-deepfunneled/images/Colin_Powell/Colin_Powell_0001.jpg';
const POWELL_2 = 'lfw-deepfunneled/images/Colin_Powell/Colin_Powell_0002.jpg';
const DOGS = 'group-photos/dlib-examples-faces/dogs.jpg';
const TWO_PEOPLE = 'group-photos/face_recognition/two_people.jpg';

function photo(relPath: string): FilePart {
  return { filename: relPath.split('/').pop() as string, content: readFileSync(dataPath(relPath)) };
}

interface Enrollment {
  accepted: { file: string; sampleId: string; quality: Record<string, number> }[];
  refused: { file: string; code: string; message: string }[];
  warnings: { code: string; personId: string; score: number }[];
}

describeIfData('POST /v1/people/:id/faces on real photos', POWELL_2, () => {
  let analyzer: FaceAnalyzer | undefined;
  let t: TestApp;

  beforeAll(async () => {
    analyzer = await analyzerIfPresent();
    if (analyzer === undefined) return;
    t = await startTestApp({
      vision: new InProcessVisionClient(analyzer),
      limits: { fileBytes: 1024 * 1024, files: 3 },
    });
  });

  afterAll(async () => {
    await t?.close();
    await analyzer?.close();
  });

  async function newPerson(name: string): Promise<string> {
    const reply = await t.app.inject({
      method: 'POST',
      url: '/v1/people',
      headers: { authorization: t.auth },
      payload: { name },
    });
    return reply.json<{ id: string }>().id;
  }

  function upload(personId: string, files: FilePart[]) {
    const { payload, headers } = multipart(files);
    return t.app.inject({
      method: 'POST',
      url: `/v1/people/${personId}/faces`,
      headers: { ...headers, authorization: t.auth },
      payload,
    });
  }

  it('accepts an LFW photo; refuses a dog, a couple and a text file with codes', async () => {
    if (analyzer === undefined) return;
    const id = await newPerson('Colin Powell');
    const text = {
      filename: 'notes.txt',
      content: Buffer.from('not a photo\n'),
      type: 'text/plain',
    };

    const reply = await upload(id, [photo(POWELL_1), photo(DOGS), photo(TWO_PEOPLE)]);
    expect(reply.statusCode).toBe(200);
    const body = reply.json<Enrollment>();
    expect(body.accepted).toHaveLength(1);
    expect(body.accepted[0]).toMatchObject({ file: 'Colin_Powell_0001.jpg' });
    expect(body.accepted[0]?.quality.eyeDistance).toBeGreaterThan(10);
    expect(body.refused.map((r) => [r.file, r.code])).toEqual([
      ['dogs.jpg', 'FACE_NOT_FOUND'],
      ['two_people.jpg', 'FACE_MULTIPLE'],
    ]);

    const textReply = (await upload(id, [text])).json<Enrollment>();
    expect(textReply.refused.map((r) => r.code)).toEqual(['IMAGE_UNREADABLE']);

    const faces = await t.app.inject({
      url: `/v1/people/${id}/faces`,
      headers: { authorization: t.auth },
    });
    const sampleId = body.accepted[0]?.sampleId as string;
    expect(faces.json()).toMatchObject({ faces: [{ sampleId, personId: id, hasCrop: true }] });

    const crop = await t.app.inject({
      url: `/v1/people/${id}/faces/${sampleId}/crop`,
      headers: { authorization: t.auth },
    });
    expect(crop.headers['content-type']).toBe('image/jpeg');
    expect(crop.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/rollcall_enrollments_total 1\b/);
    expect(metrics).toMatch(/rollcall_enrollment_refusals_total\{code="FACE_MULTIPLE"\} 1\b/);
  });

  it('warns when a new person is enrolled with a face that matches someone else', async () => {
    if (analyzer === undefined) return;
    const first = await newPerson('Powell, first');
    const second = await newPerson('Powell, second');
    await upload(first, [photo(POWELL_1)]);

    const body = (await upload(second, [photo(POWELL_2)])).json<Enrollment>();
    expect(body.accepted).toHaveLength(1);
    // The person of the first test has the same photo, so is named too.
    const warning = body.warnings.find((w) => w.personId === first);
    expect(warning).toMatchObject({ code: 'FACE_LOOKS_LIKE_OTHER' });
    expect(warning?.score).toBeGreaterThanOrEqual(analyzer.threshold);
    expect(body.warnings.map((w) => w.personId)).not.toContain(second);
  });

  it('answers an oversized file and too many files with 413 PAYLOAD_TOO_LARGE', async () => {
    if (analyzer === undefined) return;
    const id = await newPerson('Limits');
    const big = { filename: 'big.jpg', content: Buffer.alloc(1024 * 1024 + 1, 0xff) };
    const tooBig = await upload(id, [big]);
    expect(tooBig.statusCode).toBe(413);
    expect(codeOf(tooBig.body)).toBe('PAYLOAD_TOO_LARGE');

    const many = await upload(
      id,
      [1, 2, 3, 4].map(() => photo(POWELL_1)),
    );
    expect(many.statusCode).toBe(413);
    expect(codeOf(many.body)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('purges samples, embeddings and crops when the person is deleted', async () => {
    if (analyzer === undefined) return;
    const id = await newPerson('To delete');
    const body = (await upload(id, [photo(POWELL_1), photo(POWELL_2)])).json<Enrollment>();
    expect(body.accepted).toHaveLength(2);
    for (const key of [t.keys.samples(id), t.keys.sampleMeta(id), t.keys.sampleCrops(id)]) {
      expect(await t.redis.hlen(key)).toBe(2);
    }

    const sampleId = body.accepted[0]?.sampleId as string;
    const one = await t.app.inject({
      method: 'DELETE',
      url: `/v1/people/${id}/faces/${sampleId}`,
      headers: { authorization: t.auth },
    });
    expect(one.statusCode).toBe(204);
    expect(await t.redis.hlen(t.keys.samples(id))).toBe(1);

    await t.app.inject({
      method: 'DELETE',
      url: `/v1/people/${id}`,
      headers: { authorization: t.auth },
    });
    const left = await t.redis.exists(
      t.keys.samples(id),
      t.keys.sampleMeta(id),
      t.keys.sampleCrops(id),
    );
    expect(left).toBe(0);
    const gone = await t.app.inject({
      url: `/v1/people/${id}/faces/${sampleId}`,
      headers: { authorization: t.auth },
    });
    expect(codeOf(gone.body)).toBe('PERSON_NOT_FOUND');
  });

  it('refuses a body that is not multipart', async () => {
    if (analyzer === undefined) return;
    const id = await newPerson('Wrong type');
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/people/${id}/faces`,
      headers: { authorization: t.auth },
      payload: { photo: 'base64...' },
    });
    expect(reply.statusCode).toBe(415);
    expect(codeOf(reply.body)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
