import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { createApiKey, verifyApiKey } from '@rollcall/api-keys';
import type { KeySpace } from '@rollcall/streams';
import type { Redis } from 'ioredis';

/**
 * The launcher's admin key, kept in `<dataDir>/admin-key.json` (mode 0600) so every start
 * prints the same key instead of adding a new one to Redis each time. A key that no longer
 * verifies (revoked, or another Redis or prefix) is replaced.
 */
export async function launcherAdminKey(
  redis: Redis,
  keys: KeySpace,
  redisUrl: string,
  dataDir: string,
): Promise<string> {
  const file = path.join(dataDir, 'admin-key.json');
  const saved = await readSaved(file);
  const scope = `${new URL(redisUrl).host} ${keys.prefix}`;
  if (saved?.scope === scope && (await verifyApiKey(redis, keys, saved.key)) !== undefined) {
    return saved.key;
  }

  const { key } = await createApiKey(redis, keys, 'pnpm start');
  await writeFile(file, JSON.stringify({ scope, key }), { mode: 0o600 });
  await chmod(file, 0o600);
  return key;
}

async function readSaved(file: string): Promise<{ scope: string; key: string } | undefined> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { scope?: unknown; key?: unknown };
    return typeof saved.scope === 'string' && typeof saved.key === 'string'
      ? { scope: saved.scope, key: saved.key }
      : undefined;
  } catch {
    return undefined;
  }
}
