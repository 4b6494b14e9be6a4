/**
 * Every error code the code base raises must be in the registry: a code missing there
 * would reach clients with no status or summary. The TypeScript type catches most of
 * these; this catches the rest (casts, JavaScript, codes built as strings in Lua replies).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { ERROR_CODES } from '../src';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SOURCE = /\.(ts|js|cjs|mjs|lua)$/;
const SKIP = new Set(['node_modules', 'dist', 'coverage', '.turbo', '.git', 'generated']);

// A code as the first argument of RollcallError (also across a line break) or the second of
// isRollcallError.
const PATTERNS = [
  /RollcallError\(\s*['"`]([A-Z][A-Z0-9_]+)['"`]/g,
  /isRollcallError\([^,()]+,\s*['"`]([A-Z][A-Z0-9_]+)['"`]/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return SOURCE.test(name) ? [full] : [];
  });
}

function usedCodes(): Map<string, string> {
  const used = new Map<string, string>();
  const roots = ['packages', 'services'].map((d) => path.join(REPO_ROOT, d));
  for (const file of roots.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        used.set(match[1] as string, path.relative(REPO_ROOT, file));
      }
    }
  }
  return used;
}

describe('the error registry', () => {
  it('lists every code the code base raises', () => {
    const used = usedCodes();
    const missing = [...used].filter(([code]) => !Object.hasOwn(ERROR_CODES, code));

    expect(used.size).toBeGreaterThan(20);
    expect(missing.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it('gives every code an HTTP error status and a summary', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect([code, entry.status >= 400 && entry.status < 600]).toEqual([code, true]);
      expect([code, entry.summary.length > 10]).toEqual([code, true]);
    }
  });
});
