/**
 * The real API serving the built console on 127.0.0.1 and a random port: a real Redis
 * under a fresh key prefix, the default model pack in process, and an API key to sign in
 * with. The console is built first when `dist/` has no build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { buildApp, createApiKey, InProcessVisionClient } from '@rollcall/api';
import { createLogger } from '@rollcall/log';
import { createKeySpace, type KeySpace } from '@rollcall/streams';
import { connectRedis, deletePrefix, randomPrefix, requireRedis } from '@rollcall/testing';
import { FaceAnalyzer, loadPack } from '@rollcall/vision';
import type { Redis } from 'ioredis';

export const CONSOLE_DIR = path.resolve(__dirname, '..', '..');
const DIST = path.join(CONSOLE_DIR, 'dist');

export interface ConsoleServer {
  readonly url: string;
  readonly key: string;
  readonly redis: Redis;
  readonly keys: KeySpace;
  readonly analyzer: FaceAnalyzer;
  close(): Promise<void>;
}

/** Builds the console (`vite build`, about a second) unless the build is newer than src/. */
export function ensureConsoleBuilt(): void {
  const index = path.join(DIST, 'index.html');
  const sources = [
    path.join(CONSOLE_DIR, 'index.html'),
    ...filesUnder(path.join(CONSOLE_DIR, 'src')),
  ];
  const newest = Math.max(...sources.map((file) => statSync(file).mtimeMs));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return;
  execFileSync(path.join(CONSOLE_DIR, 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: CONSOLE_DIR,
    stdio: 'inherit',
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export async function startConsoleServer(label: string): Promise<ConsoleServer> {
  ensureConsoleBuilt();
  const redis = connectRedis(`console-test-${label}`);
  await requireRedis(redis);
  const keys = createKeySpace(randomPrefix(`console-${label}`));
  const analyzer = await FaceAnalyzer.create(await loadPack('rollcall-default'));

  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    app = await buildApp({
      redis,
      keys,
      vision: new InProcessVisionClient(analyzer),
      logger: createLogger({ service: 'console-test', level: 'warn' }),
      consoleDir: DIST,
    });
    const { key } = await createApiKey(redis, keys, 'console-test');
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const running = app;
    return {
      url,
      key,
      redis,
      keys,
      analyzer,
      close: async () => {
        await running.close();
        await analyzer.close();
        await deletePrefix(redis, keys.prefix);
        await redis.quit();
      },
    };
  } catch (error) {
    await app?.close();
    await analyzer.close();
    await redis.quit();
    throw error;
  }
}
