import { createHash } from 'node:crypto';
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
  /**
   * The manifest source's options. `inputSha256` (tarball path -> sha256), when present,
   * is checked before converting, so a wrong input is named as such rather than showing
   * up only as a wrong output checksum.
   */
  readonly options: Readonly<Record<string, unknown>>;
}

export type FileConverter = (input: FileConversion) => Promise<void>;

export const packConverters: ReadonlyMap<string, FileConverter> = new Map(
  Object.entries(CONVERTERS).map(([name, converter]) => {
    const run: FileConverter = async ({ files, output, options }) => {
      const pins = inputPins(options);
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
        checkPin(tarPath, inputs[role], pins[tarPath]);
      }
      await writeFile(output, converter.convert(inputs));
    };
    return [name, run];
  }),
);

function inputPins(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const pins = options.inputSha256;
  return typeof pins === 'object' && pins !== null ? (pins as Record<string, unknown>) : {};
}

function checkPin(tarPath: string, bytes: Uint8Array, pin: unknown): void {
  if (pin === undefined) return;
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== pin) {
    throw new RollcallError(
      'PACK_CHECKSUM_MISMATCH',
      `${tarPath} has sha256 ${actual}, but the manifest pins ${String(pin)}: the package ` +
        'tarball is not the one the conversion was checked on.',
      { details: { path: tarPath, actual, expected: pin } },
    );
  }
}
