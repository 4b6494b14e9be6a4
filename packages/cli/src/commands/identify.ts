import path from 'node:path';
import type { Command } from 'commander';
import { describeBox, faceJson } from '../face-json';
import type { FaceAnalyzer } from '@rollcall/vision';
import { bestMatch, enrolGallery, type Person } from '../gallery';
import { globalOptions } from '../global-options';
import { openAnalyzer } from '../open-models';
import { createOutput, round } from '../output';
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
        for (const p of people.filter((p) => p.embeddings.length === 0)) {
          out.note(`warning: ${p.name} has no usable photo and cannot be recognised`);
        }

        const results: Identified[] = [];
        for (const image of images) results.push(await identifyImage(analyzer, people, image));

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
          results,
        };
        out.result(result, () => [
          `gallery: ${gallery.map((g) => `${g.name} (${g.enrolled})`).join(', ')}`,
          ...results.flatMap((r) => [
            `${r.image}: ${r.faces.length} face(s)`,
            ...r.faces.map(
              (f, i) =>
                `  #${i + 1} ${describeBox(f)} ${f.person} ` +
                `(score ${f.similarity}${nearestNote(f)})`,
            ),
          ]),
        ]);
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
