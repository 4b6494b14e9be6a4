import net from 'node:net';

import { RollcallError } from '@rollcall/errors';

/** Throws `PORT_IN_USE` when something already listens on `host:port`. */
export async function requirePortFree(host: string, port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
  if (free) return;
  throw new RollcallError(
    'PORT_IN_USE',
    `Port ${port} on ${host} is taken (an earlier Rollcall still running?); ` +
      'stop that process or start with --port N.',
    { details: { host, port } },
  );
}
