import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { RollcallError } from '@rollcall/errors';
import { drawFaces } from '../draw-faces';
import { describeBox, faceJson } from '../face-json';
import { globalOptions } from '../global-options';
import { openDetector } from '../open-models';
import { createOutput } from '../output';
import { readImage } from '../read-image';

export function addDetectCommand(program: Command): void {
  program
    .command('detect <image>')
    .description('find the faces in an image: boxes, five landmarks, scores')
    .option('--out <file>', 'write a JPEG with the faces drawn on it')
    .action(async (image: string, options: { out?: string }, command: Command) => {
      const global = globalOptions(command);
      const out = createOutput(global.json);
      const pixels = await readImage(image);
      const { detector, pack } = await openDetector(global);
      try {
        const faces = await detector.detect(pixels);
        const annotated = options.out === undefined ? undefined : path.resolve(options.out);
        if (annotated !== undefined)
          await writeAnnotated(annotated, await drawFaces(pixels, faces));

        const result = {
          image: path.resolve(image),
          width: pixels.width,
          height: pixels.height,
          detector: detector.id,
          pack: pack.manifest.name,
          faces: faces.map(faceJson),
          ...(annotated === undefined ? {} : { annotated }),
        };
        out.result(result, () => [
          `${faces.length} face(s) in ${result.image} ` +
            `(${pixels.width}x${pixels.height}, ${detector.id})`,
          ...faces.map((f, i) => `  #${i + 1} ${describeBox(f)} score ${f.score.toFixed(3)}`),
          ...(annotated === undefined ? [] : [`annotated image: ${annotated}`]),
        ]);
      } finally {
        await detector.close();
      }
    });
}

async function writeAnnotated(file: string, jpeg: Buffer): Promise<void> {
  try {
    await writeFile(file, jpeg);
  } catch (err) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Cannot write the annotated image to ${file} (${(err as NodeJS.ErrnoException).code}): ` +
        'pass --out a file path in an existing, writable folder.',
      { details: { file }, cause: err },
    );
  }
}
