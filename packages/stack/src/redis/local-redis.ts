import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { RollcallError } from '@rollcall/errors';

import { redisAnswers } from './ping-redis';

/** A redis-server this machine runs for the stack, with append-only persistence. */
export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number | undefined;
  /** SHUTDOWN-like stop: SIGTERM makes Redis flush the append-only file, then exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, to prove what the append-only file keeps. */
  kill(): Promise<void>;
}

/** Whether `redis-server` is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts `redis-server` on 127.0.0.1:`port` with its files in `dataDir`: append-only
 * persistence (`appendfsync everysec`: at most the last second of writes is at risk in a
 * power cut; a crash of Redis alone loses nothing the kernel has), no RDB snapshots.
 * Resolves once it answers PING.
 */
export async function startLocalRedis(port: number, dataDir: string): Promise<LocalRedis> {
  if (!hasRedisServer()) {
    throw new RollcallError(
      'REDIS_UNAVAILABLE',
      `No Redis answers on port ${port} and redis-server is not installed; ` +
        'install it (apt-get install redis-server) or set REDIS_URL to a running Redis.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const args = [
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', path.resolve(dataDir)],
    ['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
    ['--daemonize', 'no', '--loglevel', 'warning'],
  ].flat();
  const url = `redis://127.0.0.1:${port}`;

  const child = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitUntilAnswering(url, child);

  const ended = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    url,
    port,
    dataDir,
    pid: child.pid,
    async stop() {
      const exit = ended();
      child.kill('SIGTERM');
      await exit;
    },
    async kill() {
      const exit = ended();
      child.kill('SIGKILL');
      await exit;
    },
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await redisAnswers(url, 500)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new RollcallError(
    'REDIS_UNAVAILABLE',
    `redis-server did not start at ${url}: ${stderr.trim() || 'no answer in 15 s'}`,
  );
}
