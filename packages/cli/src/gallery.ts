import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RollcallError, isRollcallError, type ErrorCode } from '@rollcall/errors';
import type { Embedding, FaceAnalyzer } from '@rollcall/vision';
import { EXIT, exitCodeFor } from './exit-codes';
import { readImage } from './read-image';

const IMAGE = /\.(jpe?g|png|webp|bmp|tiff?|gif|avif|heic|heif)$/i;

/** One enrolled person: the embeddings of the main face of each usable photo. */
export interface Person {
  readonly name: string;
  readonly embeddings: readonly Embedding[];
  readonly photos: number;
  readonly skipped: readonly SkippedPhoto[];
}

/** A gallery photo that was not enrolled, and why (`code` from the error registry). */
export interface SkippedPhoto {
  readonly file: string;
  readonly code: ErrorCode;
  readonly reason: string;
}

/**
 * Enrols every sub-folder of `dir` as a person named after the folder, from the most
 * confident face of each image in it. Photos without a usable face are skipped and
 * reported; a person left with none is still listed, with no embeddings.
 */
export async function enrolGallery(analyzer: FaceAnalyzer, dir: string): Promise<Person[]> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (info === undefined) {
    throw new RollcallError(
      'DATA_NOT_FOUND',
      `${root} does not exist; pass --gallery a folder with one folder of photos per person` +
        (path.isAbsolute(dir) ? '.' : ` (${dir} is read from ${process.cwd()}).`),
      { details: { gallery: root } },
    );
  }
  if (!info.isDirectory()) {
    throw new RollcallError(
      'DATA_NOT_FOUND',
      `${root} is a file, not a folder of person folders.`,
      {
        details: { gallery: root },
      },
    );
  }

  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (folders.length === 0) {
    throw new RollcallError(
      'DATA_NOT_FOUND',
      `${root} has no sub-folders: put each person's photos in a folder named after them.`,
      { details: { gallery: root } },
    );
  }

  const people: Person[] = [];
  for (const name of folders) people.push(await enrolPerson(analyzer, path.join(root, name), name));
  return people;
}

async function enrolPerson(analyzer: FaceAnalyzer, folder: string, name: string): Promise<Person> {
  const files = (await readdir(folder)).filter((f) => IMAGE.test(f)).sort();
  const embeddings: Embedding[] = [];
  const skipped: SkippedPhoto[] = [];

  for (const file of files) {
    const full = path.join(folder, file);
    try {
      const analysis = await analyzer.analyze(await readImage(full), { maxFaces: 1 });
      const embedding = analysis.faces[0]?.embedding;
      if (embedding !== undefined) embeddings.push(embedding);
      else skipped.push({ file: full, code: 'FACE_NOT_FOUND', reason: 'no face found' });
    } catch (err) {
      // One unreadable photo should not stop enrolment of the rest; a broken install should.
      if (!isRollcallError(err) || exitCodeFor(err.code) !== EXIT.input) throw err;
      const reason = err.message.startsWith(`${full}: `)
        ? err.message.slice(full.length + 2)
        : err.message;
      skipped.push({ file: full, code: err.code, reason: `${err.code}: ${reason}` });
    }
  }
  return { name, embeddings, photos: files.length, skipped };
}

/** The best-matching person for an embedding: the highest similarity to any of their photos. */
export function bestMatch(
  analyzer: FaceAnalyzer,
  people: readonly Person[],
  probe: Embedding,
): { person: string | undefined; similarity: number } {
  let best: { person: string | undefined; similarity: number } = {
    person: undefined,
    similarity: -1,
  };
  for (const person of people) {
    for (const enrolled of person.embeddings) {
      const similarity = analyzer.compare(probe, enrolled).similarity;
      if (similarity > best.similarity) best = { person: person.name, similarity };
    }
  }
  return best;
}
