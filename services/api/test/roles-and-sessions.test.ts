/**
 * Roles, user accounts and sessions on the real Redis: a viewer key or account reads but
 * is refused every change with FORBIDDEN_ROLE; sign-in with a password gives a session
 * token that works as a bearer until it expires, is signed out or its account deleted;
 * failed sign-ins are throttled per username.
 */
import { createApiKey, createUser } from '../src';
import { codeOf, startTestApp, type TestApp } from './support/test-app';

const HOUR = 60 * 60 * 1000;
const PASSWORD = 'a long enough password';

let t: TestApp;
let nowMs = Date.parse('2026-03-02T08:00:00Z');
let viewerKey: string;

beforeAll(async () => {
  t = await startTestApp({ clock: () => nowMs, sessions: { maxFailures: 3 } });
  viewerKey = `Bearer ${(await createApiKey(t.redis, t.keys, 'door', { role: 'viewer' })).key}`;
  await createUser(
    t.redis,
    t.keys,
    {
      username: 'guard',
      displayName: 'Door Guard',
      role: 'viewer',
      password: PASSWORD,
    },
    () => nowMs - 1,
  );
});

afterAll(async () => {
  await t.close();
});

function call(method: string, url: string, authorization?: string, payload?: object) {
  const headers = authorization === undefined ? {} : { authorization };
  return t.app.inject({ method: method as 'GET', url, headers, ...(payload && { payload }) });
}

async function signIn(username: string, password: string) {
  return call('POST', '/v1/sessions', undefined, { username, password });
}

async function sessionOf(username: string, password = PASSWORD): Promise<string> {
  const reply = await signIn(username, password);
  expect(reply.statusCode).toBe(201);
  return `Bearer ${reply.json<{ token: string }>().token}`;
}

describe('roles', () => {
  it('lets a viewer key read and refuses every change, where an admin key may change', async () => {
    for (const url of ['/v1/people', '/v1/cameras', '/v1/settings', '/v1/imports', '/v1/users']) {
      expect([url, (await call('GET', url, viewerKey)).statusCode]).toEqual([url, 200]);
    }
    const changes: [string, string, object?][] = [
      ['POST', '/v1/people', { name: 'Amy' }],
      ['DELETE', '/v1/people/p_1'],
      ['PATCH', '/v1/settings', { cooldownMs: 1000 }],
      ['POST', '/v1/cameras', { id: 'door', url: 'rtsp://127.0.0.1/x' }],
      ['POST', '/v1/imports', { folder: 'x' }],
      ['POST', '/v1/users', { username: 'x', role: 'admin', password: PASSWORD }],
    ];
    for (const [method, url, body] of changes) {
      const reply = await call(method, url, viewerKey, body);
      expect([method, url, reply.statusCode, codeOf(reply.body)]).toEqual([
        method,
        url,
        403,
        'FORBIDDEN_ROLE',
      ]);
    }

    const made = await call('POST', '/v1/people', t.auth, { name: 'Amy' });
    expect(made.statusCode).toBe(201);
  });

  it('says who the bearer is, with its role', async () => {
    const admin = await call('GET', '/v1/sessions/current', t.auth);
    expect(admin.json()).toMatchObject({
      kind: 'key',
      name: 'test',
      role: 'admin',
      expiresAt: null,
    });
    const viewer = await call('GET', '/v1/sessions/current', viewerKey);
    expect(viewer.json()).toMatchObject({ kind: 'key', name: 'door', role: 'viewer' });
  });
});

describe('user accounts through the API', () => {
  it('lets an admin create, list and delete accounts, never showing a password', async () => {
    const body = { username: 'Clerk', displayName: 'HR Clerk', role: 'admin', password: PASSWORD };
    const created = await call('POST', '/v1/users', t.auth, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'clerk', displayName: 'HR Clerk' });

    const again = await call('POST', '/v1/users', t.auth, body);
    expect([again.statusCode, codeOf(again.body)]).toEqual([409, 'USER_EXISTS']);
    const short = await call('POST', '/v1/users', t.auth, { ...body, password: 'short' });
    expect(codeOf(short.body)).toBe('INVALID_ARGUMENT');

    const list = await call('GET', '/v1/users', t.auth);
    expect(list.json<{ users: { username: string }[] }>().users.map((u) => u.username)).toEqual([
      'guard',
      'clerk',
    ]);
    expect(list.body).not.toContain('salt');

    expect((await call('DELETE', '/v1/users/clerk', t.auth)).statusCode).toBe(204);
    const gone = await call('DELETE', '/v1/users/clerk', t.auth);
    expect([gone.statusCode, codeOf(gone.body)]).toEqual([404, 'USER_NOT_FOUND']);
  });
});

describe('sessions', () => {
  it('refuses a wrong password and an unknown name alike', async () => {
    for (const [username, password] of [
      ['guard', 'not the password'],
      ['nobody', PASSWORD],
    ] as const) {
      const reply = await signIn(username, password);
      expect([reply.statusCode, codeOf(reply.body)]).toEqual([401, 'LOGIN_FAILED']);
    }
  });

  it('signs a viewer in with a token that reads, cannot change, and stops at sign-out', async () => {
    const reply = await signIn('GUARD', PASSWORD);
    const body = reply.json<{ token: string; role: string; name: string; expiresAt: string }>();
    expect(body).toMatchObject({ role: 'viewer', name: 'Door Guard' });
    expect(body.token).toMatch(/^rs_/);
    expect(Date.parse(body.expiresAt) - nowMs).toBe(12 * HOUR);
    const stored = await t.redis.keys(`${t.keys.prefix}:session:*`);
    const values = await Promise.all(stored.map((k) => t.redis.get(k)));
    expect(JSON.stringify([stored, values])).not.toContain(body.token);

    const auth = `Bearer ${body.token}`;
    expect((await call('GET', '/v1/people', auth)).statusCode).toBe(200);
    expect((await call('GET', '/v1/sessions/current', auth)).json()).toMatchObject({
      kind: 'session',
      id: 'guard',
      role: 'viewer',
    });
    expect(codeOf((await call('POST', '/v1/people', auth, { name: 'X' })).body)).toBe(
      'FORBIDDEN_ROLE',
    );

    expect((await call('DELETE', '/v1/sessions/current', auth)).statusCode).toBe(204);
    const after = await call('GET', '/v1/people', auth);
    expect([after.statusCode, codeOf(after.body)]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('expires a session after 12 hours', async () => {
    const auth = await sessionOf('guard');
    nowMs += 12 * HOUR - 1000;
    expect((await call('GET', '/v1/people', auth)).statusCode).toBe(200);
    nowMs += 1000;
    const expired = await call('GET', '/v1/people', auth);
    expect([expired.statusCode, codeOf(expired.body)]).toEqual([401, 'UNAUTHORIZED']);
    expect(expired.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
  });

  it('ends the sessions of a deleted account at once', async () => {
    await createUser(t.redis, t.keys, { username: 'temp', role: 'admin', password: PASSWORD });
    const auth = await sessionOf('temp');
    expect((await call('POST', '/v1/people', auth, { name: 'By temp' })).statusCode).toBe(201);
    await call('DELETE', '/v1/users/temp', t.auth);
    expect((await call('GET', '/v1/people', auth)).statusCode).toBe(401);
  });

  it('refuses sign-in for a name after 3 failures, even with the right password', async () => {
    await createUser(t.redis, t.keys, { username: 'target', role: 'admin', password: PASSWORD });
    for (let i = 0; i < 3; i++) expect((await signIn('target', 'guess ' + i)).statusCode).toBe(401);

    const throttled = await signIn('target', PASSWORD);
    expect([throttled.statusCode, codeOf(throttled.body)]).toEqual([429, 'LOGIN_THROTTLED']);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // Other names are not held up.
    expect((await signIn('guard', PASSWORD)).statusCode).toBe(201);

    // The window ends (Redis expires the counter), and the right password works again.
    await t.redis.pexpire(t.keys.loginFailures('target'), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await signIn('target', PASSWORD)).statusCode).toBe(201);
    expect(await t.redis.exists(t.keys.loginFailures('target'))).toBe(0);
  });

  it('refuses a key there, and needs no bearer to sign in', async () => {
    const reply = await call('DELETE', '/v1/sessions/current', t.auth);
    expect(codeOf(reply.body)).toBe('INVALID_ARGUMENT');
    expect((await call('GET', '/v1/sessions/current')).statusCode).toBe(401);
  });
});
