import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as prettier from 'prettier';

import { GENERATED_DIR, PACKAGE_ROOT, PROTO_ROOT, listFiles } from './paths';

const run = promisify(execFile);

/**
 * Writes the generated, formatted files under `outDir` (default `src/generated`), replacing
 * what was there, and resolves to their paths relative to it.
 */
export async function generateContracts(outDir: string = GENERATED_DIR): Promise<string[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'rollcall-contracts-'));
  try {
    const buf = path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'buf');
    const template = path.join(PACKAGE_ROOT, 'buf.gen.yaml');
    await run(buf, ['generate', PROTO_ROOT, '--template', template, '-o', scratch], {
      cwd: PACKAGE_ROOT,
    });

    const produced = path.join(scratch, 'src', 'generated');
    const files = await listFiles(produced);
    await rm(outDir, { recursive: true, force: true });
    for (const file of files) await writeFormatted(path.join(produced, file), outDir, file);
    return files;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function writeFormatted(source: string, outDir: string, relPath: string): Promise<void> {
  const target = path.join(outDir, relPath);
  // Options come from the repository's .prettierrc.json, as `pnpm format` would use them.
  const options = (await prettier.resolveConfig(path.join(GENERATED_DIR, relPath))) ?? {};
  const text = await prettier.format(await readFile(source, 'utf8'), {
    ...options,
    filepath: target,
  });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}
