import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Checksums pinned at first install, for manifest files whose sha256 is `null` (no
 * published checksum could be confirmed). Kept beside the installed files in
 * `ROLLCALL_MODELS_DIR/<pack>/pins.json`; later checks compare against them.
 */
export interface Pin {
  readonly sha256: string;
  readonly bytes: number;
}

export function pinsFile(modelsDir: string, pack: string): string {
  return path.join(modelsDir, pack, 'pins.json');
}

export function readPins(modelsDir: string, pack: string): Record<string, Pin> {
  try {
    return JSON.parse(readFileSync(pinsFile(modelsDir, pack), 'utf8')) as Record<string, Pin>;
  } catch {
    return {};
  }
}

export function writePin(modelsDir: string, pack: string, name: string, pin: Pin): void {
  const pins = { ...readPins(modelsDir, pack), [name]: pin };
  const file = pinsFile(modelsDir, pack);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(pins, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
