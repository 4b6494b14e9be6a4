import type { ErrorCode } from '@rollcall/errors';

/**
 * Exit codes, so scripts can tell a bad call from a bad input from a broken install:
 * 0 success, 1 unexpected failure (a bug), 2 usage (bad option or argument), 3 the input
 * (an image, a face, a folder), 4 models or settings (packs, checksums, runtime, config).
 */
export const EXIT = { ok: 0, internal: 1, usage: 2, input: 3, setup: 4 } as const;

export function exitCodeFor(code: ErrorCode): number {
  if (code === 'INVALID_ARGUMENT') return EXIT.usage;
  if (/^(IMAGE_|FACE_|DATA_|EMBEDDING_)/.test(code)) return EXIT.input;
  return EXIT.setup;
}
