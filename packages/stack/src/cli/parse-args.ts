import { parseArgs } from 'node:util';

import { RollcallError } from '@rollcall/errors';

/** What `pnpm start` was asked for. */
export interface StartArgs {
  /** A camera URL to add instead of the demo. */
  readonly camera: string | undefined;
  /** Start with no camera at all. */
  readonly noDemo: boolean;
  readonly port: number;
  readonly detectors: number;
  readonly embedders: number;
  readonly help: boolean;
}

export const USAGE = `Usage: pnpm start [-- options]

Starts every Rollcall service on this machine, plus a demo camera playing a real video.

  --camera URL      use this camera (rtsp://, http(s):// MJPEG, a file or /dev/videoN) instead of the demo
  --no-demo         start with no camera (add them in the console or with POST /v1/cameras)
  --port N          API and console port (default 8080)
  --detectors N     detector processes (default 1)
  --embedders N     embedder processes (default 1)
  -h, --help        this text

Environment: REDIS_URL (default redis://127.0.0.1:6379; when nothing answers there and
redis-server is installed, one is started with append-only persistence in .rollcall/redis),
ROLLCALL_KEY_PREFIX, ROLLCALL_PACK, LOG_LEVEL and every service setting (README: Settings).`;

/** Parses the launcher's arguments; a bad one is `INVALID_ARGUMENT` with the usage. */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  // `pnpm start -- --port 9000` hands the script a literal `--` first.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        camera: { type: 'string' },
        'no-demo': { type: 'boolean', default: false },
        port: { type: 'string', default: '8080' },
        detectors: { type: 'string', default: '1' },
        embedders: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new RollcallError('INVALID_ARGUMENT', `${(error as Error).message}\n\n${USAGE}`);
  }
  return {
    camera: values.camera,
    noDemo: values['no-demo'],
    port: count('--port', values.port, 0, 65_535),
    detectors: count('--detectors', values.detectors, 1, 16),
    embedders: count('--embedders', values.embedders, 1, 16),
    help: values.help,
  };
}

function count(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  throw new RollcallError(
    'INVALID_ARGUMENT',
    `${flag} is "${text}"; give a whole number from ${min} to ${max}.\n\n${USAGE}`,
  );
}
