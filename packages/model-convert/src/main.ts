/**
 * `tsx packages/model-convert/src/main.ts <converter> <dir> <out.onnx>`: runs a converter on
 * an unpacked npm package folder (`<dir>/model/...`, i.e. the tarball's `package/` root) and
 * prints the output's sha256, to pin it in a pack manifest.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONVERTERS, runConverter } from './converters';

function main(argv: readonly string[]): void {
  const [name, dir, out] = argv;
  const converter = name === undefined ? undefined : CONVERTERS[name];
  if (converter === undefined || dir === undefined || out === undefined) {
    console.error(`usage: main.ts <${Object.keys(CONVERTERS).join('|')}> <package dir> <out>`);
    process.exitCode = 2;
    return;
  }

  const inputs: Record<string, Uint8Array> = {};
  for (const [role, tarPath] of Object.entries(converter.inputs)) {
    inputs[role] = readFileSync(path.join(dir, tarPath.replace(/^package\//, '')));
  }
  const bytes = runConverter(name as string, inputs);
  writeFileSync(out, bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  console.log(JSON.stringify({ out, bytes: bytes.length, sha256: sha }));
}

main(process.argv.slice(2));
