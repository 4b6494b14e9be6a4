import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';

import { RollcallError } from '@rollcall/errors';

import { refusedFile, tooLargeRefusal, type SourceFile, type SourceLimits } from './import-source';
import { readCapped } from './read-capped';

/**
 * The files under `folder`, which must lie inside `root` once links are resolved. Links
 * inside are refused, never followed (one could point anywhere on the server); the walk
 * stops with `IMPORT_ARCHIVE_TOO_LARGE` past the entry or byte limits, as a zip would.
 */
export async function openFolderSource(
  folder: string,
  root: string | null,
  limits: SourceLimits,
): Promise<SourceFile[]> {
  const start = await checkFolder(folder, root);
  const files: SourceFile[] = [];
  const budget = { entries: 0, bytes: 0 };
  await walk(start, '', limits, budget, files);
  return files;
}

/** The real path of `folder` when folder imports are on and it is inside `root`. */
export async function checkFolder(folder: string, root: string | null): Promise<string> {
  if (root === null) {
    throw notAllowed(
      'Folder imports are off on this server; set ROLLCALL_IMPORT_ROOT to the folder they ' +
        'may read, or upload a zip instead.',
      folder,
    );
  }

  let real: string;
  try {
    real = await realpath(path.resolve(root, folder));
  } catch {
    throw new RollcallError('DATA_NOT_FOUND', `Folder ${folder} does not exist on the server.`, {
      details: { folder },
    });
  }
  const realRoot = await realpath(root);
  const inside = path.relative(realRoot, real);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw notAllowed(`Folder ${folder} is outside the import root ${root}.`, folder);
  }
  if (!(await lstat(real)).isDirectory()) {
    throw new RollcallError('INVALID_ARGUMENT', `${folder} is a file; name a folder.`, {
      details: { field: 'body.folder' },
    });
  }
  return real;
}

async function walk(
  dir: string,
  relative: string,
  limits: SourceLimits,
  budget: { entries: number; bytes: number },
  files: SourceFile[],
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));

  for (const entry of entries) {
    budget.entries += 1;
    if (budget.entries > limits.maxEntries) throw tooMany(`${limits.maxEntries} entries`);
    const full = path.join(dir, entry.name);
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;

    if (entry.isDirectory()) {
      await walk(full, rel, limits, budget, files);
    } else if (entry.isFile()) {
      const { size } = await lstat(full);
      budget.bytes += size;
      if (budget.bytes > limits.maxUnpackedBytes) throw tooMany(`${limits.maxUnpackedBytes} bytes`);
      files.push(
        size > limits.photoBytes
          ? refusedFile(rel, tooLargeRefusal(size, limits))
          : {
              path: rel,
              // Capped again while reading: the file may have grown since it was measured.
              read: () => readCapped(createReadStream(full), limits.photoBytes),
            },
      );
    } else {
      files.push(
        refusedFile(rel, {
          code: 'IMPORT_ENTRY_UNSAFE',
          message: 'The entry is a link or device, not a regular file; it was not followed.',
        }),
      );
    }
  }
}

function notAllowed(message: string, folder: string): RollcallError {
  return new RollcallError('IMPORT_FOLDER_NOT_ALLOWED', message, { details: { folder } });
}

function tooMany(limit: string): RollcallError {
  return new RollcallError(
    'IMPORT_ARCHIVE_TOO_LARGE',
    `The folder holds more than ${limit}; import it in parts or raise ` +
      'ROLLCALL_IMPORT_MAX_FILES / ROLLCALL_IMPORT_MAX_UNPACKED.',
    { details: { limit } },
  );
}
