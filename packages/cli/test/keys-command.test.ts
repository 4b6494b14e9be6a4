import { randomBytes } from 'node:crypto';

import { withApiKeyStore } from '@rollcall/api-keys';

import { rollcall } from './run-cli';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{test-cli-keys-${randomBytes(4).toString('hex')}}`;
const ENV = { REDIS_URL, ROLLCALL_KEY_PREFIX: PREFIX };

// Revokes whatever a failed test left, which leaves nothing under the prefix.
afterAll(async () => {
  await withApiKeyStore(async (store) => {
    for (const key of await store.list()) await store.revoke(key.id);
  }, ENV);
});

describe('rollcall keys', () => {
  it('creates a key it prints once, lists it without the secret, and revokes it', () => {
    const created = rollcall(['keys', 'create', 'hr-sync', '--json'], ENV);
    expect(created.code).toBe(0);
    const key = created.json<{ id: string; key: string; name: string }>();
    expect(key.key).toMatch(/^rk_[\w-]{40,}$/);
    expect(key.name).toBe('hr-sync');

    const listed = rollcall(['keys', 'list'], ENV);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(key.id);
    expect(listed.stdout).not.toContain(key.key);

    expect(rollcall(['keys', 'revoke', key.id, '--json'], ENV).code).toBe(0);
    const again = rollcall(['keys', 'revoke', key.id], ENV);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('API_KEY_NOT_FOUND');
  });

  it('says Redis is unavailable instead of hanging', () => {
    const run = rollcall(['keys', 'list'], { ...ENV, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('REDIS_UNAVAILABLE');
  });
});
