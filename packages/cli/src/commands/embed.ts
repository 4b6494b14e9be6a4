import path from 'node:path';
import type { Command } from 'commander';
import { describeBox, faceJson } from '../face-json';
import { globalOptions } from '../global-options';
import { openAnalyzer } from '../open-models';
import { createOutput, round } from '../output';
import { readImage } from '../read-image';

export function addEmbedCommand(program: Command): void {
  program
    .command('embed <image>')
    .description("print each face's embedding (L2-normalised, tagged with its model id)")
    .action(async (image: string, _options, command: Command) => {
      const global = globalOptions(command);
      const out = createOutput(global.json);
      const pixels = await readImage(image);
      const analyzer = await openAnalyzer(global);
      try {
        const analysis = await analyzer.analyze(pixels);
        const faces = analysis.faces.map((f) => ({
          ...faceJson(f),
          modelId: f.embedding?.modelId,
          embedding:
            f.embedding === undefined ? [] : Array.from(f.embedding.vector, (v) => round(v, 6)),
        }));
        out.result({ image: path.resolve(image), modelId: analyzer.modelId, faces }, () => [
          `${faces.length} face(s), model ${analyzer.modelId}`,
          ...faces.map(
            (f, i) =>
              `  #${i + 1} ${describeBox(analysis.faces[i]!)} ${f.embedding.length}-D ` +
              `[${f.embedding.slice(0, 4).join(', ')}, ...]`,
          ),
        ]);
      } finally {
        await analyzer.close();
      }
    });
}
