import { refusedFile, type SourceFile } from './import-source';

/** One person folder and its files, in path order. */
export interface PlannedPerson {
  /** The folder name: the person's external id, and their name when they are new. */
  readonly folder: string;
  readonly files: readonly SourceFile[];
}

/** What an import will do, in the order it does it (so a resumed job skips what is done). */
export interface ImportPlan {
  /** Files refused without a person: outside any person folder. */
  readonly loose: readonly SourceFile[];
  readonly people: readonly PlannedPerson[];
  /** System clutter skipped without a word per file: `__MACOSX/`, `.DS_Store`, `Thumbs.db`. */
  readonly ignored: number;
}

/** Extensions sent to the decoder; anything else is refused as `IMPORT_FILE_NOT_IMAGE`. */
const IMAGE_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'png',
  'webp',
  'gif',
  'tif',
  'tiff',
  'avif',
  'heic',
  'heif',
  'bmp',
]);

const CLUTTER = new Set(['__MACOSX', 'Thumbs.db', 'desktop.ini']);

/**
 * Groups files by person folder. Leading folders every file shares are dropped while each
 * file still sits in a folder, so `staff.zip` holding `staff/amy/1.jpg` and
 * `staff/raj/1.jpg` gives people `amy` and `raj`, while a zip of one folder `amy/` gives
 * `amy`. The first remaining folder is the person; deeper folders are that person's too.
 */
export function planImport(files: readonly SourceFile[]): ImportPlan {
  // Links and escaping paths are reported but belong to nobody: `../x.jpg` must not make a
  // person `..`.
  const unsafe = files.filter((file) => file.refusal?.code === 'IMPORT_ENTRY_UNSAFE');
  const placed = files.filter(
    (file) => file.refusal?.code !== 'IMPORT_ENTRY_UNSAFE' && !segments(file.path).some(isClutter),
  );
  const depth = sharedDepth(placed.map((file) => segments(file.path)));
  const loose: SourceFile[] = [...unsafe];
  const byFolder = new Map<string, SourceFile[]>();

  for (const file of [...placed].sort((a, b) => compare(a.path, b.path))) {
    const parts = segments(file.path).slice(depth);
    const folder = parts[0];
    if (parts.length < 2 || folder === undefined) {
      loose.push(withRefusal(file, noFolder()));
      continue;
    }
    const list = byFolder.get(folder) ?? [];
    list.push(isImage(file.path) ? file : withRefusal(file, notImage()));
    byFolder.set(folder, list);
  }

  const people = [...byFolder].map(([folder, list]) => ({ folder, files: list }));
  return { loose, people, ignored: files.length - unsafe.length - placed.length };
}

/** The path's names, without empty and `.` parts (`./amy//1.jpg` is `amy/1.jpg`). */
function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

/** How many leading folders every path shares, leaving each path at least one folder. */
function sharedDepth(paths: string[][]): number {
  const first = paths[0];
  if (first === undefined) return 0;
  let depth = 0;
  while (paths.every((parts) => parts.length - (depth + 1) >= 2 && parts[depth] === first[depth])) {
    depth += 1;
  }
  return depth;
}

function isClutter(part: string): boolean {
  return CLUTTER.has(part) || part.startsWith('.');
}

function isImage(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && IMAGE_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

function withRefusal(file: SourceFile, refusal: SourceFile['refusal'] & object): SourceFile {
  return file.refusal === undefined ? refusedFile(file.path, refusal) : file;
}

function noFolder() {
  return {
    code: 'IMPORT_NO_PERSON_FOLDER' as const,
    message:
      "The photo is not in a person folder; put each person's photos in a folder named for them.",
  };
}

function notImage() {
  return {
    code: 'IMPORT_FILE_NOT_IMAGE' as const,
    message: 'Not an image file by its extension (jpg, png, webp, gif, tiff, avif, heic); skipped.',
  };
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
