import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { findRepoRoot } from '@rollcall/config';

/** One built file of the console, held in memory. */
export interface ConsoleFile {
  readonly type: string;
  readonly bytes: Buffer;
  /** Vite names assets by content hash, so those can be cached for good. */
  readonly immutable: boolean;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where `pnpm build` writes the console: `packages/console/dist` in the repository. */
export function defaultConsoleDir(): string {
  return path.join(findRepoRoot(), 'packages', 'console', 'dist');
}

/**
 * Every file of the built console under `dir`, keyed by URL path (`/index.html`,
 * `/assets/index-3f2a.js`); undefined when `dir` has no `index.html` (not built). Read
 * once at start: the build is a few hundred KB, and serving only the files listed here
 * means no request path ever reaches the file system.
 */
export function readConsoleFiles(dir: string): ReadonlyMap<string, ConsoleFile> | undefined {
  if (!isFile(path.join(dir, 'index.html'))) return undefined;

  const files = new Map<string, ConsoleFile>();
  for (const file of walk(dir)) {
    const urlPath = '/' + path.relative(dir, file).split(path.sep).join('/');
    files.set(urlPath, {
      type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      bytes: readFileSync(file),
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
