import { existsSync } from 'node:fs';

import { waitFor } from '@rollcall/testing';

import { spawnFixture } from './support/child';

describe('a service whose launcher is killed', () => {
  it('stops by itself when ROLLCALL_EXIT_WITH_PARENT is set and its parent is gone', async () => {
    const parent = spawnFixture('orphan-parent.ts', {});
    const pid = Number(
      (
        await waitFor('the child to run', () => /child (\d+)[\s\S]*running/.exec(parent.output()), {
          timeoutMs: 30_000,
        })
      )[1],
    );
    expect(existsSync(`/proc/${pid}`)).toBe(true);

    parent.process.kill('SIGKILL');
    await parent.exited;

    // The child checks every second; it must be gone soon after, not run on unsupervised.
    await waitFor('the orphaned child to exit', () => !existsSync(`/proc/${pid}`), {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
  });
});
