import net from 'node:net';

import { RollcallError } from '@rollcall/errors';
import { createKeySpace } from '@rollcall/streams';
import { useTestRedis } from '@rollcall/testing';

import { LauncherLock } from '../src/guard/launcher-lock';
import { requirePortFree } from '../src/guard/port-free';

const { redis, keys } = useTestRedis('stack-guards', createKeySpace);

describe('LauncherLock', () => {
  it('lets one launcher hold a Redis and prefix, names it to a second, and frees it', async () => {
    const first = await LauncherLock.take(redis, keys, 'http://127.0.0.1:8080');
    const second = LauncherLock.take(redis, keys, 'http://127.0.0.1:8081');
    await expect(second).rejects.toMatchObject({ code: 'LAUNCHER_ALREADY_RUNNING' });
    await expect(second).rejects.toThrow(/pid \d+ on .*API http:\/\/127\.0\.0\.1:8080/);

    await first.release();
    const again = await LauncherLock.take(redis, keys, 'http://127.0.0.1:8082');
    await again.release();
  });
});

describe('requirePortFree', () => {
  it('passes for a free port and refuses a taken one with PORT_IN_USE', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const refusal = await requirePortFree('127.0.0.1', port).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RollcallError);
      expect(refusal).toMatchObject({ code: 'PORT_IN_USE' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(requirePortFree('127.0.0.1', port)).resolves.toBeUndefined();
  });
});
