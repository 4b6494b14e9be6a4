import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A JSON value store on disk, one small file per key under `<dir>/<namespace>/`, so runs
 * can be stopped and resumed and combinations explored without re-running models. Keys
 * are hashed; the namespace names what was computed (model id, template, flip), and each
 * key includes the image's sha256, so a changed file never reads a stale entry.
 */
export class DiskCache {
  constructor(
    private readonly dir: string | undefined,
    private readonly namespace: string,
  ) {}

  get<T>(key: string): T | undefined {
    if (this.dir === undefined) return undefined;
    try {
      return JSON.parse(readFileSync(this.file(key), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    if (this.dir === undefined) return;
    const file = this.file(key);
    mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename: a run killed mid-write leaves no half file to be read later.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(value));
    renameSync(partial, file);
  }

  private file(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    const ns = this.namespace.replace(/[^\w.@+-]+/g, '_');
    return path.join(this.dir as string, ns, hash.slice(0, 2), `${hash}.json`);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
