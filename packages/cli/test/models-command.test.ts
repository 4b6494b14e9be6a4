import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeIfPresent, rollcall, SHARED_MODELS } from './run-cli';

// Each run starts a real process that loads the models: allow for a loaded 2-core machine.
jest.setTimeout(180_000);

interface ListedPack {
  name: string;
  state: string;
  installed: boolean;
  licence: string;
  commercialUse: string;
  missing: string[];
}

describe('rollcall models list', () => {
  it('lists every shipped pack with its licence and whether it is installed', () => {
    const run = rollcall(['models', 'list', '--json']);
    expect(run.code).toBe(0);
    const packs = run.json<{ packs: ListedPack[] }>().packs;
    const names = packs.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['rollcall-default', 'buffalo_l', 'antelopev2']));

    const buffaloL = packs.find((p) => p.name === 'buffalo_l') as ListedPack;
    expect(buffaloL.commercialUse).toBe('not-allowed');
    expect(buffaloL.licence).toContain('non-commercial research purposes only');
    expect(buffaloL.installed).toBe(buffaloL.missing.length === 0);
  });

  it('prints text for a person without --json', () => {
    const run = rollcall(['models', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rollcall-default\s+(installed|incomplete)/m);
  });
});

describe('rollcall models verify', () => {
  it('fails a named pack whose files are absent with exit 4 and the code, no stack trace', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'rollcall-cli-'));
    try {
      const run = rollcall(['models', 'verify', 'buffalo_l'], { ROLLCALL_MODEL_PATH: empty });
      expect(run.code).toBe(4);
      expect(run.stderr).toContain('rollcall: PACK_FILE_MISSING:');
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('answers PACK_NOT_FOUND for an unknown pack, as JSON with --json', () => {
    const run = rollcall(['models', 'verify', 'no-such-pack', '--json']);
    expect(run.code).toBe(4);
    expect(run.json<{ error: { code: string } }>().error.code).toBe('PACK_NOT_FOUND');
  });

  it('lists every bad setting in one CONFIG_INVALID', () => {
    const run = rollcall(['models', 'list'], {
      ROLLCALL_THREADS: 'lots',
      ROLLCALL_PROVIDER: 'tpu',
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('CONFIG_INVALID');
    expect(run.stderr).toContain('ROLLCALL_THREADS');
    expect(run.stderr).toContain('ROLLCALL_PROVIDER');
  });

  it('refuses an unknown option with the usage exit code', () => {
    expect(rollcall(['models', 'list', '--colour']).code).toBe(2);
  });
});

describeIfPresent(
  'rollcall models install --from',
  path.join(SHARED_MODELS, 'w600k_mbf_int8', 'mobilefacenet_int8.onnx'),
  () => {
    it('prints the non-commercial notice and installs the verified files', () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'rollcall-cli-'));
      try {
        const env = { ROLLCALL_MODELS_DIR: root, ROLLCALL_MODEL_PATH: root };
        const run = rollcall(
          ['models', 'install', 'buffalo_s_int8', '--from', SHARED_MODELS, '--json'],
          env,
        );
        expect(run.code).toBe(0);
        expect(run.stderr).toContain('NON-COMMERCIAL RESEARCH ONLY');
        expect(run.json<{ copied: string[] }>().copied).toEqual([
          'det_500m.onnx',
          'mobilefacenet_int8.onnx',
        ]);
        expect(readdirSync(path.join(root, 'buffalo_s_int8')).sort()).toEqual([
          'det_500m.onnx',
          'mobilefacenet_int8.onnx',
        ]);

        const verify = rollcall(['models', 'verify', 'buffalo_s_int8', '--json'], env);
        expect(verify.code).toBe(0);
        expect(verify.json<{ packs: { state: string }[] }>().packs[0]?.state).toBe('installed');

        const list = rollcall(['models', 'list', '--json'], env);
        const row = list
          .json<{ packs: (ListedPack & { location: string })[] }>()
          .packs.find((p) => p.name === 'buffalo_s_int8');
        expect(row?.installed).toBe(true);
        expect(row?.location).toBe('models-dir');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  },
);
