/**
 * A private redis-server on a free loopback port, with an append-only file in a temporary
 * folder, so a test can stop and restart Redis without touching the shared instance.
 * Skips (saying why) where no redis-server binary is installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Redis from 'ioredis';

import { waitFor } from '@rollcall/testing';

/** True when `redis-server` can be run here. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** `describe`, or `describe.skip` with a printed reason when redis-server is absent. */
export function describeIfRedisServer(name: string, fn: () => void): void {
  if (hasRedisServer()) {
    describe(name, fn);
    return;
  }
  console.warn(`Skipping "${name}": no redis-server binary on PATH to start a private Redis.`);
  describe.skip(name, fn);
}

/** A redis-server this test owns: its URL, and stop/start keeping the same data folder. */
export class OwnRedis {
  private process: ChildProcess | undefined;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'rollcall-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const server = new OwnRedis(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server (again) and waits until it answers PING. */
  async start(): Promise<void> {
    const args = ['--bind', '127.0.0.1', '--port', String(this.port), '--dir', this.dir];
    // Every write is fsynced to the AOF so a restart keeps everything acknowledged.
    args.push('--appendonly', 'yes', '--appendfsync', 'always', '--save', '');
    this.process = spawn('redis-server', args, { stdio: 'ignore' });
    await waitFor('the private Redis to answer', () => this.ping(), { timeoutMs: 15_000 });
  }

  /** Stops redis-server with SIGTERM (it flushes the AOF first) and waits for its exit. */
  async stop(): Promise<void> {
    const running = this.process;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async ping(): Promise<boolean> {
    // No retries: a refused connection ends the probe instead of reconnecting in the back.
    const probe = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      const answer = await probe.ping();
      await probe.quit();
      return answer === 'PONG';
    } catch {
      return false;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
