import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { RollcallError } from '@rollcall/errors';
import { placeFile } from './place-file';

const run = promisify(execFile);

/** A pinned npm package tarball, as a manifest source names it. */
export interface TarballSpec {
  readonly package: string;
  readonly version: string;
  readonly integrity: string;
}

/**
 * The path of the package tarball in `<cacheDir>/npm/`, fetched with `npm pack` (which uses
 * the person's own registry settings, proxy and auth) unless a cached copy is there. The
 * tarball's sha512 must equal the manifest's `integrity`: a registry or mirror that serves
 * other bytes under the same version is refused with `PACK_CHECKSUM_MISMATCH`.
 */
export async function npmTarball(spec: TarballSpec, cacheDir: string): Promise<string> {
  const dir = path.join(cacheDir, 'npm');
  const cached = path.join(dir, `${spec.package.replace('/', '+')}-${spec.version}.tgz`);

  if (existsSync(cached)) {
    if ((await sha512Integrity(cached)) === spec.integrity) return cached;
    rmSync(cached, { force: true }); // a partial or stale copy: fetch it again
  }

  const fetched = await npmPack(spec, dir);
  const actual = await sha512Integrity(fetched);
  if (actual !== spec.integrity) {
    rmSync(fetched, { force: true });
    throw new RollcallError(
      'PACK_CHECKSUM_MISMATCH',
      `The registry served ${spec.package}@${spec.version} with integrity ${actual}, but the ` +
        `manifest pins ${spec.integrity}. Check your npm registry or mirror setting.`,
      { details: { ...spec, actual } },
    );
  }
  placeFile(fetched, cached, true);
  return cached;
}

export async function sha512Integrity(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

async function npmPack(spec: TarballSpec, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const into = mkdtempSync(path.join(dir, '.fetch-'));
  const ref = `${spec.package}@${spec.version}`;
  try {
    const { stdout } = await run(
      'npm',
      ['pack', ref, '--pack-destination', into, '--json', '--ignore-scripts'],
      { timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' },
    );
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (packed === undefined) throw new Error('npm pack printed no file name');
    const file = path.join(into, packed.filename);
    const kept = path.join(dir, `.${path.basename(into)}-${packed.filename}`);
    placeFile(file, kept, true);
    return kept;
  } catch (err) {
    throw new RollcallError(
      'PACK_SOURCE_FAILED',
      `"npm pack ${ref}" failed: ${firstLine(err)}. Check that the npm registry is reachable ` +
        `(npm config get registry) and run "pnpm install" again.`,
      { details: { package: spec.package, version: spec.version }, cause: err },
    );
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}

function firstLine(err: unknown): string {
  const text = (err as { stderr?: string }).stderr?.trim() || String(err);
  return text.split('\n').find((l) => /err/i.test(l)) ?? text.split('\n')[0] ?? text;
}
