import { isRollcallError } from '@rollcall/errors';
import { createKeySpace } from '@rollcall/streams';
import { connectRedis, deletePrefix, requireRedis, testKeySpace } from '@rollcall/testing';

import {
  authenticateUser,
  createApiKey,
  createUser,
  deleteUser,
  listUsers,
  verifyApiKey,
} from '../src';

const redis = connectRedis('api-keys-users-test');
const keys = testKeySpace('api-keys-users', createKeySpace);

beforeAll(() => requireRedis(redis));
afterAll(async () => {
  await deletePrefix(redis, keys.prefix);
  await redis.quit();
});

describe('roles of API keys', () => {
  it('makes admin keys by default, viewer keys when asked, and reads old keys as admin', async () => {
    const admin = await createApiKey(redis, keys, 'sync');
    const viewer = await createApiKey(redis, keys, 'door', { role: 'viewer' });
    expect(await verifyApiKey(redis, keys, admin.key)).toMatchObject({ role: 'admin' });
    expect(await verifyApiKey(redis, keys, viewer.key)).toMatchObject({ role: 'viewer' });

    // A record written before keys had roles.
    const [hash] = Object.entries(await redis.hgetall(keys.apiKeys)).find(([, json]) =>
      json.includes(admin.id),
    ) as [string, string];
    await redis.hset(
      keys.apiKeys,
      hash,
      JSON.stringify({ id: admin.id, name: 'sync', createdAtMs: 1 }),
    );
    expect(await verifyApiKey(redis, keys, admin.key)).toMatchObject({ role: 'admin' });
  });
});

describe('user accounts', () => {
  it('stores a salted scrypt hash, never the password, and checks it', async () => {
    const amy = await createUser(redis, keys, {
      username: ' Amy.Lee ',
      displayName: 'Amy Lee',
      role: 'viewer',
      password: 'correct horse battery',
    });
    const raj = await createUser(redis, keys, {
      username: 'raj',
      role: 'admin',
      password: 'correct horse battery',
    });

    expect(amy).toMatchObject({ username: 'amy.lee', displayName: 'Amy Lee', role: 'viewer' });
    expect(raj.displayName).toBe('raj');
    const stored = await redis.hgetall(keys.users);
    expect(JSON.stringify(stored)).not.toContain('correct horse');
    const amySalt = (JSON.parse(stored['amy.lee'] as string) as { password: { salt: string } })
      .password.salt;
    const rajSalt = (JSON.parse(stored.raj as string) as { password: { salt: string } }).password
      .salt;
    expect(amySalt).not.toBe(rajSalt);

    expect(await authenticateUser(redis, keys, 'AMY.LEE', 'correct horse battery')).toEqual(amy);
    expect(await authenticateUser(redis, keys, 'amy.lee', 'correct horse batterY')).toBeUndefined();
    expect(await authenticateUser(redis, keys, 'nobody', 'correct horse battery')).toBeUndefined();
    expect((await listUsers(redis, keys)).map((u) => u.username)).toEqual(['amy.lee', 'raj']);
  });

  it('refuses a taken name, a bad name, a short password, and an unknown user to delete', async () => {
    const again = createUser(redis, keys, {
      username: 'raj',
      role: 'viewer',
      password: 'x'.repeat(12),
    });
    await expect(again).rejects.toMatchObject({ code: 'USER_EXISTS' });
    await expect(
      createUser(redis, keys, { username: 'no spaces', role: 'viewer', password: 'x'.repeat(12) }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'username' } });
    await expect(
      createUser(redis, keys, { username: 'sam', role: 'viewer', password: 'short' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'password' } });

    await deleteUser(redis, keys, 'raj');
    expect(await authenticateUser(redis, keys, 'raj', 'correct horse battery')).toBeUndefined();
    const error: unknown = await deleteUser(redis, keys, 'raj').catch((e: unknown) => e);
    expect(isRollcallError(error, 'USER_NOT_FOUND')).toBe(true);
  });
});
