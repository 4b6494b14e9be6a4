import path from 'node:path';
import type { Command } from 'commander';
import { isRollcallError, type ErrorCode } from '@rollcall/errors';
import type { FaceAnalyzer } from '@rollcall/vision';
import { EXIT, exitCodeFor } from '../exit-codes';
import { describeBox, faceJson } from '../face-json';
import { bestMatch, enrolGallery, type Person } from '../gallery';
import { globalOptions } from '../global-options';
import { openAnalyzer } from '../open-models';
import { createOutput, round, type Output } from '../output';
import { PartialFailure } from '../partial-failure';
import { readImage } from '../read-image';

export function addIdentifyCommand(program: Command): void {
  program
    .command('identify <images...>')
    .description('name each face against a gallery of person folders ("unknown" below threshold)')
    .requiredOption('--gallery <dir>', 'a folder with one sub-folder of photos per person')
    .action(async (images: string[], options: { gallery: string }, command: Command) => {
      const global = globalOptions(command);
      const out = createOutput(global.json);
      const analyzer = await openAnalyzer(global);
      try {
        const people = await enrolGallery(analyzer, options.gallery);
        const warnings = galleryWarnings(people);
        for (const warning of warnings) out.note(`warning: ${warning.message}`);

        // A bad image is reported in its place and the rest still identified.
        const results: (Identified | Failed)[] = [];
        for (const image of images)
          results.push(await identifyOrFail(analyzer, people, image, out));

        const gallery = people.map((p) => ({
          name: p.name,
          photos: p.photos,
          enrolled: p.embeddings.length,
          skipped: p.skipped,
        }));
        const result = {
          modelId: analyzer.modelId,
          threshold: analyzer.threshold,
          gallery,
          warnings,
          results,
        };
        out.result(result, () => [
          `gallery: ${gallery.map((g) => `${g.name} (${g.enrolled})`).join(', ')}`,
          ...results.flatMap(resultLines),
        ]);
        failIfAny(results);
      } finally {
        await analyzer.close();
      }
    });
}

interface Identified {
  readonly image: string;
  readonly faces: (ReturnType<typeof faceJson> & {
    person: string;
    nearest: string | null;
    similarity: number;
  })[];
}

/** An image that could not be read or decoded, with its refusal. */
interface Failed {
  readonly image: string;
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

/** A gallery problem a person should hear about: a photo skipped, a person unrecognisable. */
interface GalleryWarning {
  readonly code: string;
  readonly person: string;
  readonly file?: string;
  readonly message: string;
}

function galleryWarnings(people: readonly Person[]): GalleryWarning[] {
  return people.flatMap((p) => [
    ...p.skipped.map((s) => ({
      code: s.code,
      person: p.name,
      file: s.file,
      message: `skipped ${s.file}: ${s.reason}`,
    })),
    ...(p.embeddings.length === 0
      ? [
          {
            code: 'FACE_NOT_FOUND',
            person: p.name,
            message: `${p.name} has no usable photo and cannot be recognised`,
          },
        ]
      : []),
  ]);
}

async function identifyOrFail(
  analyzer: FaceAnalyzer,
  people: readonly Person[],
  image: string,
  out: Output,
): Promise<Identified | Failed> {
  try {
    return await identifyImage(analyzer, people, image);
  } catch (err) {
    // Only a refusal of this input; a broken install still stops the command.
    if (!isRollcallError(err) || exitCodeFor(err.code) !== EXIT.input) throw err;
    out.note(`rollcall: ${err.code}: ${err.message}`);
    return { image: path.resolve(image), error: { code: err.code, message: err.message } };
  }
}

function resultLines(r: Identified | Failed): string[] {
  if ('error' in r) return [`${r.image}: ${r.error.code}`];
  return [
    `${r.image}: ${r.faces.length} face(s)`,
    ...r.faces.map(
      (f, i) =>
        `  #${i + 1} ${describeBox(f)} ${f.person} (score ${f.similarity}${nearestNote(f)})`,
    ),
  ];
}

function failIfAny(results: readonly (Identified | Failed)[]): void {
  const failed = results.filter((r): r is Failed => 'error' in r);
  const first = failed[0];
  if (first === undefined) return;
  throw new PartialFailure(
    first.error.code,
    `${failed.length} of ${results.length} image(s) could not be identified (see above).`,
  );
}

async function identifyImage(
  analyzer: FaceAnalyzer,
  people: readonly Person[],
  image: string,
): Promise<Identified> {
  const analysis = await analyzer.analyze(await readImage(image));
  const faces = analysis.faces.flatMap((face) => {
    if (face.embedding === undefined) return [];
    const match = bestMatch(analyzer, people, face.embedding);
    const known = match.person !== undefined && match.similarity >= analyzer.threshold;
    return [
      {
        ...faceJson(face),
        person: known ? (match.person as string) : 'unknown',
        nearest: match.person ?? null,
        similarity: round(match.similarity),
      },
    ];
  });
  return { image: path.resolve(image), faces };
}

function nearestNote(face: { person: string; nearest: string | null }): string {
  return face.person === 'unknown' && face.nearest !== null ? `, nearest ${face.nearest}` : '';
}
