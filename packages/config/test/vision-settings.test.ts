import path from 'node:path';
import { isRollcallError, type RollcallError } from '@rollcall/errors';
import { findRepoRoot, loadConfig, loadVisionSettings, type VisionDefaults } from '../src';
import { z } from 'zod';

const defaults: VisionDefaults = {
  repoRoot: '/srv/rollcall',
  extraModelDirs: ['/srv/shared/models'],
  cacheDir: '/var/cache/rollcall',
};

function failure(run: () => unknown): RollcallError {
  try {
    run();
  } catch (err) {
    if (isRollcallError(err)) return err;
    throw err;
  }
  throw new Error('expected a RollcallError');
}

describe('vision settings', () => {
  it('fills every default from the repository location', () => {
    const s = loadVisionSettings({}, defaults);
    expect(s).toEqual({
      modelPath: ['/srv/rollcall/models/installed', '/srv/shared/models'],
      modelsDir: '/srv/rollcall/models/installed',
      pack: 'rollcall-default',
      provider: 'cpu',
      threads: 1,
      dataDir: '/srv/shared/data',
      maxImagePixels: 50_000_000,
      cacheDir: '/var/cache/rollcall',
    });
  });

  it('reads each variable and splits the search path', () => {
    const s = loadVisionSettings(
      {
        ROLLCALL_MODEL_PATH: `/a${path.delimiter}${path.delimiter}/b/c`,
        ROLLCALL_MODELS_DIR: '/m',
        ROLLCALL_PACK: 'buffalo_l',
        ROLLCALL_PROVIDER: 'CUDA',
        ROLLCALL_THREADS: '4',
        ROLLCALL_MAX_IMAGE_PIXELS: '1000',
      },
      defaults,
    );
    expect(s.modelPath).toEqual(['/a', '/b/c']);
    expect(s.modelsDir).toBe('/m');
    expect(s.pack).toBe('buffalo_l');
    expect(s.provider).toBe('cuda');
    expect(s.threads).toBe(4);
    expect(s.maxImagePixels).toBe(1000);
  });

  it('puts a moved install folder first on the default search path', () => {
    const s = loadVisionSettings({ ROLLCALL_MODELS_DIR: '/opt/packs' }, defaults);
    expect(s.modelPath).toEqual(['/opt/packs', '/srv/shared/models']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadVisionSettings({ ROLLCALL_THREADS: '  ' }, defaults).threads).toBe(1);
  });

  it('lists every bad variable in one CONFIG_INVALID error', () => {
    const err = failure(() =>
      loadVisionSettings(
        {
          ROLLCALL_PROVIDER: 'tpu',
          ROLLCALL_THREADS: 'many',
          ROLLCALL_MAX_IMAGE_PIXELS: '0',
          ROLLCALL_PACK: 'Bad Name',
          ROLLCALL_PATH_UNRELATED: 'x',
        },
        defaults,
      ),
    );
    expect(err.code).toBe('CONFIG_INVALID');
    const problems = err.details?.problems as { variable: string }[];
    expect(problems.map((p) => p.variable).sort()).toEqual([
      'ROLLCALL_MAX_IMAGE_PIXELS',
      'ROLLCALL_PACK',
      'ROLLCALL_PROVIDER',
      'ROLLCALL_THREADS',
    ]);
    expect(err.message).toContain('ROLLCALL_PROVIDER="tpu": one of cpu, cuda');
    expect(err.message).toContain('ROLLCALL_THREADS="many"');
  });

  it('freezes what it returns', () => {
    const s = loadVisionSettings({}, defaults);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.modelPath)).toBe(true);
  });
});

describe('loadConfig for another area', () => {
  it('takes any schema written against variable names', () => {
    const schema = z.object({ REDIS_URL: z.url().default('redis://127.0.0.1:6379') });
    expect(loadConfig(schema, {}).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(failure(() => loadConfig(schema, { REDIS_URL: 'nope' })).code).toBe('CONFIG_INVALID');
  });
});

describe('repository root', () => {
  it('is the folder with the workspace file', () => {
    expect(findRepoRoot()).toBe(path.resolve(__dirname, '..', '..', '..'));
  });
});
