import { RollcallError } from '@rollcall/errors';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

import {
  refusedFile,
  tooLargeRefusal,
  type EarlyRefusal,
  type SourceFile,
  type SourceLimits,
} from './import-source';
import { readCapped } from './read-capped';

/** Unix file type bits of a zip entry made on Unix (high 16 bits of the external attributes). */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * The files of a zip held in memory. Nothing is ever written to disk, so a path like
 * `../../etc/x` cannot land anywhere; such entries, absolute paths and links are still
 * refused one by one, since they are not photos a person put in a folder. The entry count
 * and the sum of the declared sizes are checked before any work (`IMPORT_ARCHIVE_TOO_LARGE`),
 * and each entry is read only up to its declared size (yauzl fails an entry that inflates
 * past it), so a zip bomb costs at most the limits.
 */
export async function openZipSource(zip: Buffer, limits: SourceLimits): Promise<SourceFile[]> {
  const zipfile = await openZip(zip);
  if (zipfile.entryCount > limits.maxEntries) {
    throw archiveTooLarge(`${zipfile.entryCount} entries`, `${limits.maxEntries} entries`);
  }

  const files: SourceFile[] = [];
  let unpacked = 0;
  try {
    for await (const entry of zipfile.eachEntry()) {
      const path = entryPath(entry);
      if (path.endsWith('/')) continue;
      unpacked += entry.uncompressedSize;
      if (unpacked > limits.maxUnpackedBytes) {
        throw archiveTooLarge(`over ${unpacked} unpacked bytes`, `${limits.maxUnpackedBytes}`);
      }
      const refusal = refuseEntry(path, entry, limits);
      files.push(refusal ? refusedFile(path, refusal) : zipFile(zipfile, entry, path));
    }
  } catch (error) {
    throw error instanceof RollcallError ? error : archiveInvalid(error);
  }
  return files;
}

async function openZip(zip: Buffer): Promise<ZipFile> {
  try {
    // decodeStrings off: yauzl would fail the whole archive on one unsafe name; we refuse
    // that entry alone. autoClose off: entries are read after the listing ends.
    return await yauzl.fromBufferPromise(zip, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw archiveInvalid(error);
  }
}

/** The entry's name as yauzl decodes it (UTF-8 flag, Info-ZIP extra field, CP437), `\` as `/`. */
function entryPath(entry: Entry): string {
  const raw = entry.fileNameRaw;
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

function refuseEntry(path: string, entry: Entry, limits: SourceLimits): EarlyRefusal | undefined {
  const unsafe = unsafePathReason(path);
  if (unsafe !== undefined) return { code: 'IMPORT_ENTRY_UNSAFE', message: unsafe };
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
    return { code: 'IMPORT_ENTRY_UNSAFE', message: 'The entry is a symbolic link, not a photo.' };
  }
  if (entry.isEncrypted() || !entry.canDecodeFileData()) {
    return {
      code: 'IMPORT_ARCHIVE_INVALID',
      message:
        `The entry is encrypted or uses compression method ${entry.compressionMethod}; ` +
        'zip it again without a password, stored or deflated.',
    };
  }
  if (entry.uncompressedSize > limits.photoBytes) {
    return tooLargeRefusal(entry.uncompressedSize, limits);
  }
  return undefined;
}

/** Why `path` is not a plain relative path inside the archive, or undefined when it is. */
export function unsafePathReason(path: string): string | undefined {
  if (path.includes('\0')) return 'The entry name has a NUL character.';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    return 'The entry has an absolute path; zip the folders with relative paths.';
  }
  if (path.split('/').includes('..')) {
    return 'The entry path climbs out of the archive (..); it was not read.';
  }
  return undefined;
}

function zipFile(zipfile: ZipFile, entry: Entry, path: string): SourceFile {
  return {
    path,
    read: async () => {
      try {
        const stream = await zipfile.openReadStreamPromise(entry);
        return await readCapped(stream, entry.uncompressedSize);
      } catch (error) {
        throw archiveInvalid(error, path);
      }
    },
  };
}

function archiveTooLarge(found: string, limit: string): RollcallError {
  return new RollcallError(
    'IMPORT_ARCHIVE_TOO_LARGE',
    `The archive has ${found}, over the limit of ${limit}; split it into smaller zips or raise ` +
      'ROLLCALL_IMPORT_MAX_FILES / ROLLCALL_IMPORT_MAX_UNPACKED.',
    { details: { found, limit } },
  );
}

function archiveInvalid(cause: unknown, path?: string): RollcallError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const what = path === undefined ? 'The upload is not a readable zip' : `Entry ${path} is corrupt`;
  return new RollcallError('IMPORT_ARCHIVE_INVALID', `${what} (${reason}); zip the folder again.`, {
    cause,
    details: path === undefined ? { reason } : { reason, path },
  });
}
