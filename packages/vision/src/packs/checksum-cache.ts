import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256File } from './sha256-file';

interface Entry {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/**
 * Remembers the sha256 of files already hashed, keyed by path and checked against size and
 * modification time, so a 300 MB pack is hashed once and not at every start. A file that
 * is rewritten (new mtime or size) is hashed again. The cache is only an optimisation: a
 * cache that cannot be read or written is ignored.
 */
export class ChecksumCache {
  private entries: Record<string, Entry> | undefined;
  private dirty = false;

  constructor(private readonly file: string) {}

  static inFolder(cacheDir: string): ChecksumCache {
    return new ChecksumCache(path.join(cacheDir, 'checksums.json'));
  }

  async sha256(file: string): Promise<string> {
    const entries = this.load();
    const stat = statSync(file);
    const known = entries[file];
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.sha256;

    const sha256 = await sha256File(file);
    entries[file] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256 };
    this.dirty = true;
    return sha256;
  }

  /** Writes new entries; call once after a batch of `sha256` calls. */
  save(): void {
    if (!this.dirty || this.entries === undefined) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: 1, entries: this.entries }));
      renameSync(tmp, this.file);
      this.dirty = false;
    } catch {
      // A read-only home or cache folder only costs re-hashing next time.
    }
  }

  private load(): Record<string, Entry> {
    if (this.entries !== undefined) return this.entries;
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { entries?: unknown };
      const entries = parsed.entries;
      this.entries =
        entries !== null && typeof entries === 'object' ? (entries as Record<string, Entry>) : {};
    } catch {
      this.entries = {};
    }
    return this.entries;
  }
}
