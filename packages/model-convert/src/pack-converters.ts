import { readFile, writeFile } from 'node:fs/promises';
import { RollcallError } from '@rollcall/errors';
import { CONVERTERS } from './converters';

/**
 * The converters in the shape the pack installer calls them (structurally the
 * `ConverterRegistry` of `@rollcall/vision` packs/install/converters.ts, which does not
 * depend on this package): input files by their path inside the tarball, an output path.
 */
export interface FileConversion {
  readonly files: ReadonlyMap<string, string>;
  readonly output: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export type FileConverter = (input: FileConversion) => Promise<void>;

export const PACK_CONVERTERS: ReadonlyMap<string, FileConverter> = new Map(
  Object.entries(CONVERTERS).map(([name, converter]) => {
    const run: FileConverter = async ({ files, output }) => {
      const inputs: Record<string, Uint8Array> = {};
      for (const [role, tarPath] of Object.entries(converter.inputs)) {
        const local = files.get(tarPath);
        if (local === undefined) {
          throw new RollcallError(
            'PACK_SOURCE_FAILED',
            `Converter ${name} needs ${tarPath}; list it in the manifest source's inputs.`,
          );
        }
        inputs[role] = await readFile(local);
      }
      await writeFile(output, converter.convert(inputs));
    };
    return [name, run];
  }),
);
