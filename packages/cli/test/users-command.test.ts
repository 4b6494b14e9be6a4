import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { authenticateUser, withApiKeyStore } from '@rollcall/api-keys';
import { createKeySpace } from '@rollcall/streams';
import Redis from 'ioredis';

import { rollcall } from './run-cli';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{test-cli-users-${randomBytes(4).toString('hex')}}`;
const ENV = { REDIS_URL, ROLLCALL_KEY_PREFIX: PREFIX };
const BIN = path.resolve(__dirname, '..', 'bin', 'rollcall.js');

/** `rollcall args` with `input` on stdin. */
function withStdin(args: string[], input: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...ENV },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// Deletes whatever a failed test left, which leaves nothing under the prefix.
afterAll(async () => {
  await withApiKeyStore(async (store) => {
    for (const user of await store.listUsers()) await store.deleteUser(user.username);
    for (const key of await store.list()) await store.revoke(key.id);
  }, ENV);
});

describe('rollcall users and keys with roles', () => {
  it('creates a viewer from a password on stdin, lists it and deletes it', async () => {
    const made = withStdin(
      ['users', 'create', 'guard', '--password-stdin', '--json'],
      'door pass 123\n',
    );
    expect(made.status).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ username: 'guard', role: 'viewer' });

    const redis = new Redis(REDIS_URL);
    try {
      const keys = createKeySpace(PREFIX);
      expect(await authenticateUser(redis, keys, 'guard', 'door pass 123')).toBeDefined();
      expect(await authenticateUser(redis, keys, 'guard', 'door pass 123\n')).toBeUndefined();
    } finally {
      await redis.quit();
    }

    expect(rollcall(['users', 'list'], ENV).stdout).toMatch(/guard\s+"guard"\s+viewer/);
    expect(rollcall(['users', 'delete', 'guard'], ENV).code).toBe(0);
    expect(rollcall(['users', 'delete', 'guard'], ENV).stderr).toContain('USER_NOT_FOUND');
  });

  it('refuses a short password and an unknown role, and makes viewer keys', () => {
    const short = withStdin(['users', 'create', 'sam', '--password-stdin'], 'short\n');
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain('INVALID_ARGUMENT');
    const role = withStdin(['users', 'create', 'sam', '--role', 'owner', '--password-stdin'], 'x');
    expect(role.stderr).toMatch(/admin, viewer/);

    const key = rollcall(['keys', 'create', 'door', '--role', 'viewer', '--json'], ENV);
    expect(key.json()).toMatchObject({ name: 'door', role: 'viewer' });
    expect(rollcall(['keys', 'create', 'sync', '--json'], ENV).json()).toMatchObject({
      role: 'admin',
    });
  });
});
