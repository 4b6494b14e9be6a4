/**
 * deploy/docker-compose.yml cannot be run here (no Docker engine), so its promises are
 * checked against the code instead: every service runs, the workers can scale, Redis
 * persists, and every setting it passes is one the services read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOY = path.join(ROOT, 'deploy');

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  container_name?: string;
  build?: { context: string; dockerfile: string };
}

const compose = parse(readFileSync(path.join(DEPLOY, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };
const services = compose.services;

const SERVICE_DIRS = ['ingest', 'detector', 'embedder', 'matcher', 'attendance', 'api'];

describe('deploy/docker-compose.yml', () => {
  it('runs every service from its own entry file, which exists', () => {
    for (const name of SERVICE_DIRS) {
      const entry = `services/${name}/src/main.ts`;
      expect(existsSync(path.join(ROOT, entry))).toBe(true);
      expect(services[name]?.command).toEqual(['node', '--import', 'tsx', entry]);
      expect(services[name]?.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
    }
  });

  it('lets the workers scale: no fixed container name or host port outside the API', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.container_name).toBeUndefined();
      if (name !== 'api') expect(service.ports).toBeUndefined();
    }
    expect(services.api?.ports).toEqual(['${ROLLCALL_API_PORT:-8080}:8080']);
  });

  it('runs Redis with append-only persistence on a volume', () => {
    const redis = services.redis as ComposeService & { volumes?: string[] };
    expect(redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(redis.volumes).toEqual(['redis-data:/data']);
  });

  it('passes only settings the services read', () => {
    const names = new Set(
      Object.values(services).flatMap((service) => Object.keys(service.environment ?? {})),
    );
    const source = execFileSync(
      'grep',
      [
        '-rhoE',
        '\\b(ROLLCALL_[A-Z_]+|REDIS_URL|LOG_LEVEL)\\b',
        'services',
        'packages',
        '--include=*.ts',
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    ).toString();
    const read = new Set(source.split('\n'));
    expect([...names].filter((name) => !read.has(name))).toEqual([]);
  });

  it('builds with the pnpm version package.json pins', () => {
    const pinned = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        packageManager: string;
      }
    ).packageManager.split('@')[1];
    expect(readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8')).toContain(
      `npm install -g pnpm@${pinned}`,
    );
  });
});
