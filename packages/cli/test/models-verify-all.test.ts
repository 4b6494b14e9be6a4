import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeIfPresent, rollcall, SHARED_MODELS } from './run-cli';

// Each run starts a real process: allow for a loaded 2-core machine.
jest.setTimeout(180_000);

interface Verified {
  packs: { name: string; state: string }[];
}

const INT8 = path.join(SHARED_MODELS, 'w600k_mbf_int8', 'mobilefacenet_int8.onnx');

describe('rollcall models verify, every pack', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'rollcall-cli-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes when packs are installed or not installed at all', () => {
    const env = { ROLLCALL_MODEL_PATH: root, ROLLCALL_MODELS_DIR: root };
    const run = rollcall(['models', 'verify', '--json'], env);

    expect(run.code).toBe(0);
    const states = new Set(run.json<Verified>().packs.map((p) => p.state));
    expect(states).toEqual(new Set(['not-installed']));
  });

  describeIfPresent('with a partly installed pack', INT8, () => {
    it('fails with exit 4 naming the pack, while packs sharing its files stay not-installed', () => {
      // buffalo_s_int8 is det_500m.onnx + mobilefacenet_int8.onnx; only the second is given.
      mkdirSync(path.join(root, 'buffalo_s_int8'));
      symlinkSync(INT8, path.join(root, 'buffalo_s_int8', 'mobilefacenet_int8.onnx'));
      const env = { ROLLCALL_MODEL_PATH: root, ROLLCALL_MODELS_DIR: root };

      const run = rollcall(['models', 'verify', '--json'], env);
      const text = rollcall(['models', 'verify'], env);

      expect(run.code).toBe(4);
      const packs = run.json<Verified>().packs;
      expect(packs.find((p) => p.name === 'buffalo_s_int8')?.state).toBe('incomplete');
      expect(packs.filter((p) => p.state !== 'not-installed').map((p) => p.name)).toEqual([
        'buffalo_s_int8',
      ]);
      expect(text.code).toBe(4);
      expect(text.stderr).toContain('rollcall: PACK_FILE_MISSING: Pack(s) buffalo_s_int8');
    });
  });
});
