import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { GENERATED_DIR, PACKAGE_ROOT, listFiles } from '../scripts/paths';

const run = promisify(execFile);

/** Runs the generate script as `pnpm generate` does (Prettier's API needs a plain node). */
async function generateInto(dir: string): Promise<string[]> {
  const tsx = path.join(PACKAGE_ROOT, '..', '..', 'node_modules', '.bin', 'tsx');
  await run(tsx, [path.join(PACKAGE_ROOT, 'scripts', 'generate.ts'), dir], { cwd: PACKAGE_ROOT });
  return listFiles(dir);
}

// Regenerates from proto/ into a scratch folder and compares with the committed files, so
// a proto edit without `pnpm --filter @rollcall/contracts generate` fails here.
describe('generated contracts', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'contracts-fresh-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('match what proto/ generates now', async () => {
    const fresh = await generateInto(scratch);
    expect(await listFiles(GENERATED_DIR)).toEqual(fresh);

    const stale: string[] = [];
    for (const file of fresh) {
      const [now, committed] = await Promise.all([
        readFile(path.join(scratch, file), 'utf8'),
        readFile(path.join(GENERATED_DIR, file), 'utf8'),
      ]);
      if (now !== committed) stale.push(file);
    }
    if (stale.length > 0) {
      throw new Error(
        `${stale.join(', ')} differ from what proto/ generates: run ` +
          '`pnpm --filter @rollcall/contracts generate` and commit the result.',
      );
    }
  }, 60_000);
});
