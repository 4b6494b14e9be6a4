import path from 'node:path';
import type { Command } from 'commander';
import { RollcallError } from '@rollcall/errors';
import type { AnalyzedFace, Embedding, FaceAnalyzer } from '@rollcall/vision';
import { faceJson } from '../face-json';
import { globalOptions } from '../global-options';
import { openAnalyzer } from '../open-models';
import { createOutput, round } from '../output';
import { readImage } from '../read-image';

export function addCompareCommand(program: Command): void {
  program
    .command('compare <a> <b>')
    .description('similarity of the main face of two images, and whether they are one person')
    .action(async (a: string, b: string, _options, command: Command) => {
      const global = globalOptions(command);
      const out = createOutput(global.json);
      const analyzer = await openAnalyzer(global);
      try {
        const first = await mainFace(analyzer, a);
        const second = await mainFace(analyzer, b);
        const verdict = analyzer.compare(first.embedding, second.embedding);
        const result = {
          a: { image: path.resolve(a), faces: first.count, face: faceJson(first.face) },
          b: { image: path.resolve(b), faces: second.count, face: faceJson(second.face) },
          modelId: analyzer.modelId,
          similarity: round(verdict.similarity),
          threshold: verdict.threshold,
          same: verdict.same,
          verdict: verdict.same ? 'same person' : 'different people',
        };
        out.result(result, () => [
          `similarity ${result.similarity} (threshold ${result.threshold}): ${result.verdict}`,
          ...[first, second]
            .filter((s) => s.count > 1)
            .map((s) => `note: ${s.image} has ${s.count} faces; the most confident one was used`),
        ]);
      } finally {
        await analyzer.close();
      }
    });
}

async function mainFace(analyzer: FaceAnalyzer, image: string) {
  const analysis = await analyzer.analyze(await readImage(image));
  const face = analysis.faces[0] as (AnalyzedFace & { embedding: Embedding }) | undefined;
  if (face === undefined) {
    throw new RollcallError('FACE_NOT_FOUND', `No face was found in ${path.resolve(image)}.`, {
      details: { image: path.resolve(image) },
    });
  }
  return {
    image: path.resolve(image),
    face,
    embedding: face.embedding,
    count: analysis.faces.length,
  };
}
