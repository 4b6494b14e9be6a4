import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { waitFor } from '@rollcall/testing';

import { ServiceProcess } from '../src/process/service-process';
import { Supervisor } from '../src/process/supervisor';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-supervisor-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function crashingService(): ServiceProcess {
  return new ServiceProcess(
    { name: 'crasher', entry: path.join(__dirname, 'fixtures', 'exits-soon.ts'), env: {} },
    {
      cwd: path.resolve(__dirname, '..'),
      env: process.env,
      logFile: path.join(dir, 'crasher.log'),
    },
  );
}

describe('Supervisor', () => {
  it('starts a crashed service again, after 1 s and then 2 s', async () => {
    const service = crashingService();
    const supervisor = new Supervisor();
    const crashes: { exit: string; delay: number }[] = [];
    let restarts = 0;
    supervisor.on('crashed', (_name, exit, delay) => crashes.push({ exit, delay }));
    supervisor.on('restarted', () => (restarts += 1));
    supervisor.watch(service);
    service.start();

    await waitFor('two restarts', () => restarts >= 2, { timeoutMs: 20_000 });
    supervisor.stop();
    await service.stop();

    expect(crashes.slice(0, 2)).toEqual([
      { exit: 'code 3', delay: 1_000 },
      { exit: 'code 3', delay: 2_000 },
    ]);
  }, 30_000);

  it('leaves alone a service the stack itself killed', async () => {
    const service = new ServiceProcess(
      {
        name: 'sleeper',
        entry: path.join(__dirname, 'fixtures', 'sleeps.ts'),
        env: {},
      },
      {
        cwd: path.resolve(__dirname, '..'),
        env: process.env,
        logFile: path.join(dir, 'sleeper.log'),
      },
    );
    const supervisor = new Supervisor();
    let crashes = 0;
    supervisor.on('crashed', () => (crashes += 1));
    supervisor.watch(service);
    service.start();
    await waitFor('the sleeper to run', () => service.lastOutput.includes('up'), {
      timeoutMs: 20_000,
    });

    await service.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(crashes).toBe(0);
    expect(service.running).toBe(false);
    supervisor.stop();
  }, 30_000);
});
