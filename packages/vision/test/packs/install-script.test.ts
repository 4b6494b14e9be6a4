import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadVisionSettings } from '@rollcall/config';
import { REPO_ROOT } from '../support/data';
import { tempFolders } from './pack-fixtures';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'install-default-pack.cjs');
const installed = path.join(loadVisionSettings().modelsDir, 'rollcall-default');

/**
 * Runs the postinstall script with the npm registry pointed at a closed loopback port, so
 * "offline" is real and nothing leaves this machine.
 */
function runOffline(modelsDir: string, cacheDir: string) {
  const child = spawnSync(process.execPath, [SCRIPT], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      ROLLCALL_MODELS_DIR: modelsDir,
      ROLLCALL_CACHE_DIR: cacheDir,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_fetch_retries: '0',
      npm_config_fetch_timeout: '5000',
    },
  });
  return { code: child.status, out: `${child.stdout}${child.stderr}` };
}

describe('the postinstall script offline', () => {
  const temp = tempFolders();

  it('warns and exits 0 when the pack is absent and the registry unreachable', () => {
    const root = temp();
    const run = runOffline(path.join(root, 'installed'), path.join(root, 'cache'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('was not assembled');
    expect(run.out).toContain('PACK_SOURCE_FAILED');
  });

  const present = existsSync(installed) ? it : it.skip;
  if (!existsSync(installed)) console.warn(`skipped the offline re-run: ${installed} is absent`);

  present('does nothing and needs no network when the files are already installed', () => {
    const root = temp();
    const modelsDir = path.join(root, 'installed');
    mkdirSync(path.join(modelsDir, 'rollcall-default'), { recursive: true });
    for (const file of readdirSync(installed)) {
      copyFileSync(path.join(installed, file), path.join(modelsDir, 'rollcall-default', file));
    }
    const run = runOffline(modelsDir, path.join(root, 'cache'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('already installed');
  });
});
