import type { ErrorCode } from '@rollcall/errors';

/** Why a file is refused before its bytes are read (a link, an escaping path, too large). */
export interface EarlyRefusal {
  readonly code: ErrorCode;
  readonly message: string;
}

/** One file of an import, from a zip or a folder; its bytes are read only when its turn comes. */
export interface SourceFile {
  /** The path inside the archive or folder, `/`-separated, never absolute, never `..`. */
  readonly path: string;
  /** Set when the file is refused without being read. */
  readonly refusal?: EarlyRefusal;
  /** The file's bytes; a coded error when they cannot be read. */
  read(): Promise<Buffer>;
}

/** Caps on what one import may unpack: the zip-bomb and runaway-folder guards. */
export interface SourceLimits {
  /** Most entries (files, folders, links) in the archive or folder. */
  readonly maxEntries: number;
  /** Most bytes of all files together, as the archive declares or the disk says. */
  readonly maxUnpackedBytes: number;
  /** Largest single photo: larger files are refused one by one. */
  readonly photoBytes: number;
}

/** A file whose bytes are never read because it was refused up front. */
export function refusedFile(path: string, refusal: EarlyRefusal): SourceFile {
  return {
    path,
    refusal,
    read: () => Promise.reject(new Error(`${path} was refused and has no bytes to read`)),
  };
}

/** The refusal of a photo larger than `limits.photoBytes`. */
export function tooLargeRefusal(bytes: number, limits: SourceLimits): EarlyRefusal {
  return {
    code: 'IMPORT_FILE_TOO_LARGE',
    message:
      `The photo is ${bytes} bytes, over the ${limits.photoBytes}-byte limit; resize it or ` +
      'raise ROLLCALL_IMPORT_MAX_PHOTO.',
  };
}
