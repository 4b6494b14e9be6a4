import { statSync } from 'node:fs';
import type { ChecksumCache } from './checksum-cache';
import { fileCandidates } from './file-candidates';
import type { PackFileEntry, PackManifest } from './manifest';
import { readPins, type Pin } from './pins';

/** Why a file that was found on the search path was not taken. */
export interface Rejected {
  readonly path: string;
  readonly reason: string;
}

/** What the search found for one manifest file. */
export interface FileCheck {
  readonly entry: PackFileEntry;
  /**
   * `ok`: found and matching its pinned size (and sha256 when hashing); `unpinned`: found,
   * but the manifest has no sha256 and nothing was pinned yet; `missing`: no candidate;
   * `mismatch`: every candidate has the wrong size or sha256.
   */
  readonly status: 'ok' | 'unpinned' | 'missing' | 'mismatch';
  readonly path?: string;
  readonly rejected: readonly Rejected[];
}

export interface CheckOptions {
  readonly searchPath: readonly string[];
  readonly modelsDir: string;
  /** Hash candidates (default) or compare sizes only (a quick presence check). */
  readonly hash: boolean;
  readonly cache: ChecksumCache;
}

/** Finds each manifest file on the search path and checks it against its pin. */
export async function checkPackFiles(
  manifest: PackManifest,
  options: CheckOptions,
): Promise<FileCheck[]> {
  const pins = readPins(options.modelsDir, manifest.name);
  const checks: FileCheck[] = [];
  for (const entry of manifest.files) {
    checks.push(await checkOne(manifest.name, entry, pins[entry.name], options));
  }
  options.cache.save();
  return checks;
}

async function checkOne(
  pack: string,
  entry: PackFileEntry,
  pin: Pin | undefined,
  options: CheckOptions,
): Promise<FileCheck> {
  const names = [entry.name, ...entry.aliases];
  const candidates = fileCandidates(options.searchPath, pack, names);
  if (candidates.length === 0) return { entry, status: 'missing', rejected: [] };

  const sha256 = entry.sha256 ?? pin?.sha256 ?? null;
  const bytes = entry.bytes ?? pin?.bytes ?? null;
  if (sha256 === null) return { entry, status: 'unpinned', path: candidates[0], rejected: [] };

  const rejected: Rejected[] = [];
  for (const file of candidates) {
    const reason = await whyNot(file, sha256, bytes, options);
    if (reason === undefined) return { entry, status: 'ok', path: file, rejected };
    rejected.push({ path: file, reason });
  }
  return { entry, status: 'mismatch', rejected };
}

async function whyNot(
  file: string,
  sha256: string,
  bytes: number | null,
  options: CheckOptions,
): Promise<string | undefined> {
  // The size is free to read and catches truncated downloads without hashing.
  const size = statSync(file).size;
  if (bytes !== null && size !== bytes) return `is ${size} bytes, expected ${bytes}`;
  if (!options.hash) return undefined;

  const actual = await options.cache.sha256(file);
  return actual === sha256 ? undefined : `has sha256 ${actual}, expected ${sha256}`;
}
