import path from 'node:path';
import type { Command } from 'commander';
import { visionSettings } from '@rollcall/config';
import { RollcallError } from '@rollcall/errors';
import {
  findPack,
  installPackFromFolder,
  installPackSources,
  licenceNotice,
  listPacks,
  packStatus,
  type KnownPack,
  type PackStatus,
} from '@rollcall/vision';
import { globalOptions } from '../global-options';
import { createOutput } from '../output';
import { PartialFailure } from '../partial-failure';
import { loadConvertersFor } from '../pack-converters';
import { sharedFiles, verifyState } from '../verify-verdict';

export function addModelsCommands(program: Command): void {
  const models = program.command('models').description('list, verify and install model packs');

  models
    .command('list')
    .description('every known pack: licence as its authors state it, and whether it is installed')
    .action(async (_options, command: Command) => listCommand(command));

  models
    .command('verify [name]')
    .description(
      'hash every file of one pack, or of every pack (one with none of its own files is ' +
        '"not-installed", not a failure; a partial or corrupt one fails)',
    )
    .action(async (name: string | undefined, _options, command: Command) =>
      verifyCommand(name, command),
    );

  models
    .command('install <name>')
    .description('install a pack: from --from <folder>, or from its npm packages')
    .option('--from <folder>', 'a folder holding the files (any layout one level deep)')
    .action(async (name: string, options: { from?: string }, command: Command) =>
      installCommand(name, options.from, command),
    );
}

async function listCommand(command: Command): Promise<void> {
  const out = createOutput(globalOptions(command).json);
  const packs = listPacks();
  const statuses = await Promise.all(packs.map((p) => packStatus(p, false)));

  const modelsDir = visionSettings().modelsDir;
  const rows = packs.map((p, i) => packRow(p, statuses[i] as PackStatus, modelsDir));
  out.result({ packs: rows }, () =>
    rows.flatMap((r) => [
      `${r.name.padEnd(26)} ${shownState(r).padEnd(11)} commercial use: ${r.commercialUse}`,
      `  ${r.title}`,
      `  licence: ${r.licence}`,
      ...(r.missing.length > 0 ? [`  missing: ${r.missing.join(', ')}`] : []),
    ]),
  );
}

function packRow(pack: KnownPack, status: PackStatus, modelsDir: string) {
  const m = pack.manifest;
  const found = status.files.flatMap((f) => (f.path === undefined ? [] : [f.path]));
  const inModelsDir = found.filter((f) => f.startsWith(modelsDir + path.sep)).length;
  return {
    name: m.name,
    title: m.title,
    origin: pack.origin,
    state: status.state,
    installed: status.state === 'installed',
    /** Where the files were found: all in ROLLCALL_MODELS_DIR, elsewhere on the path, both. */
    location:
      found.length === 0
        ? null
        : inModelsDir === found.length
          ? 'models-dir'
          : inModelsDir === 0
            ? 'search-path'
            : 'mixed',
    licence: m.licence.summary,
    commercialUse: m.licence.commercialUse,
    licenceUrl: m.licence.url,
    recognizers: m.recognizers.map((r) => r.modelId),
    detector: m.detector.kind,
    missing: status.files.filter((f) => f.status === 'missing').map((f) => f.entry.name),
    measured: m.measured,
  };
}

// "available": usable, but found on the search path rather than installed by rollcall.
function shownState(row: ReturnType<typeof packRow>): string {
  return row.installed && row.location !== 'models-dir' ? 'available' : row.state;
}

async function verifyCommand(name: string | undefined, command: Command): Promise<void> {
  const out = createOutput(globalOptions(command).json);
  const packs = name === undefined ? listPacks() : [findPack(name)];
  const shared = sharedFiles();
  const statuses: PackStatus[] = [];
  for (const pack of packs) statuses.push(await packStatus(pack, true));

  const report = statuses.map((s) => ({
    name: s.name,
    state: verifyState(s, shared),
    files: s.files.map((f) => ({
      name: f.entry.name,
      status: f.status,
      path: f.path,
      rejected: f.rejected,
    })),
  }));
  out.result({ packs: report }, () =>
    report.flatMap((p) => [
      `${p.name}: ${p.state}`,
      ...p.files.map((f) => `  ${f.status.padEnd(8)} ${f.name}${f.path ? `  ${f.path}` : ''}`),
      ...p.files.flatMap((f) => f.rejected.map((r) => `  rejected ${r.path}: ${r.reason}`)),
    ]),
  );

  // A named pack must be whole. Across all packs, a pack with none of its own files is
  // simply not installed (most user-supplied packs); a wrong file or a partial install fails.
  const failed = report.filter((p) =>
    name === undefined
      ? p.state === 'corrupt' || p.state === 'incomplete'
      : p.state !== 'installed',
  );
  if (failed.length > 0) {
    // The report is printed (one JSON document with --json); this only sets the exit code.
    throw new PartialFailure(
      failed.some((p) => p.state === 'corrupt') ? 'PACK_CHECKSUM_MISMATCH' : 'PACK_FILE_MISSING',
      `Pack(s) ${failed.map((p) => `${p.name} (${p.state})`).join(', ')} did not verify: ` +
        `see the files above; "rollcall models install <name> --from <folder>" replaces them.`,
    );
  }
}

async function installCommand(
  name: string,
  from: string | undefined,
  command: Command,
): Promise<void> {
  const out = createOutput(globalOptions(command).json);
  const manifest = findPack(name).manifest;
  out.note(licenceNotice(manifest));

  if (from !== undefined) {
    const result = await installPackFromFolder(name, from);
    out.result(result, () => [
      `installed ${result.pack} into ${result.destination}`,
      ...result.copied.map((f) => `  copied   ${f}`),
      ...result.alreadyInstalled.map((f) => `  present  ${f}`),
      ...result.pinnedNow.map(
        (f) => `  pinned   ${f} (no published sha256: pinned from this copy)`,
      ),
    ]);
    return;
  }

  if (manifest.files.every((f) => f.source.kind === 'user')) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Pack ${name} is supplied by you: pass --from <folder> with ` +
        manifest.files.map((f) => f.name).join(' and ') +
        '.',
    );
  }
  const result = await installPackSources(manifest, undefined, {
    converters: loadConvertersFor(manifest),
    log: (line) => out.note(line),
  });
  out.result(result, () => [
    `installed ${result.pack} into ${result.destination}`,
    ...result.installed.map((f) => `  fetched  ${f}`),
    ...result.alreadyInstalled.map((f) => `  present  ${f}`),
    ...result.userSupplied.map((f) => `  yours    ${f} (install with --from <folder>)`),
  ]);
}
