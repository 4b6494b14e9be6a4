import { codeOf, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { authorization: t.auth } });
}

describe('/v1/people', () => {
  it('creates, reads, lists, changes and deletes a person', async () => {
    const created = await call('POST', '/v1/people', { name: 'Ada Lovelace', group: 'staff' });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    const read = await call('GET', `/v1/people/${id}`);
    expect(read.json()).toMatchObject({ id, name: 'Ada Lovelace', group: 'staff', sampleCount: 0 });
    expect(read.json<{ createdAt: string }>().createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);

    const changed = await call('PATCH', `/v1/people/${id}`, { externalId: 'emp-7', group: null });
    expect(changed.json()).toMatchObject({ externalId: 'emp-7', group: null });

    const listed = await call('GET', '/v1/people?search=lovel&limit=5');
    expect(listed.json()).toMatchObject({ total: 1, people: [{ id, sampleCount: 0 }] });

    expect((await call('DELETE', `/v1/people/${id}`)).statusCode).toBe(204);
    const gone = await call('GET', `/v1/people/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(codeOf(gone.body)).toBe('PERSON_NOT_FOUND');
  });

  it('refuses wrong types and unknown fields: 400 INVALID_ARGUMENT with the field', async () => {
    const cases: [object, string][] = [
      [{ name: 5 }, 'body.name'],
      [{}, 'body.name'],
      [{ name: 'x', group: 12 }, 'body.group'],
      [{ name: 'x', colour: 'red' }, 'body.colour'],
    ];
    for (const [payload, field] of cases) {
      const reply = await call('POST', '/v1/people', payload);
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { field } },
      });
    }

    const badQuery = await call('GET', '/v1/people?limit=lots');
    expect(badQuery.json()).toMatchObject({ error: { details: { field: 'querystring.limit' } } });
  });

  it('refuses a second person with the same external id with 409', async () => {
    await call('POST', '/v1/people', { name: 'One', externalId: 'dup-1' });
    const second = await call('POST', '/v1/people', { name: 'Two', externalId: 'dup-1' });
    expect(second.statusCode).toBe(409);
    expect(codeOf(second.body)).toBe('PERSON_EXTERNAL_ID_TAKEN');
    expect(second.json<{ error: { message: string } }>().error.message).toMatch(
      /^External id "dup-1" already belongs to One \(p_/,
    );
  });

  it('answers an oversized JSON body with 413 PAYLOAD_TOO_LARGE', async () => {
    const reply = await call('POST', '/v1/people', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(reply.statusCode).toBe(413);
    expect(codeOf(reply.body)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers ids that cannot exist with 400 or 404, never 500', async () => {
    expect((await call('GET', '/v1/people/has%20space')).statusCode).toBe(400);
    expect((await call('GET', '/v1/people/p_unknown/faces')).statusCode).toBe(404);
  });
});
