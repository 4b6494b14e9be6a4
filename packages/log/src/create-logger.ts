import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

import { resolveLevel } from './level';
import { REDACTED, REDACT_PATHS } from './redact-paths';
import { truncateBulky } from './truncate';

/** How a service's logger is set up. */
export interface CreateLoggerOptions {
  /** Service name written on every line as `service` (e.g. `detector`). Required. */
  service: string;
  /** Minimum level. Default: `LOG_LEVEL`, else `info`. */
  level?: string;
  /**
   * Human-readable output through `pino-pretty`, run in this thread (no worker transport).
   * Default: true when `LOG_PRETTY` is `1` or `true`. Falls back to JSON, with a warning,
   * when `pino-pretty` is not installed.
   */
  pretty?: boolean;
  /** Where lines go. Default: stdout. Tests pass a stream that collects them. */
  destination?: DestinationStream;
  /** Environment to read `LOG_LEVEL` / `LOG_PRETTY` from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The one way a Rollcall process makes its logger: JSON lines with `service`, secrets
 * censored, embeddings and frames summarised, errors serialised under `err`.
 *
 * Call it as `log.info({ cameraId, fps }, 'camera connected')`: context first, then a short
 * fixed message that can be searched for.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const env = options.env ?? process.env;
  const settings: LoggerOptions = {
    level: resolveLevel(options.level, env),
    base: { service: options.service, pid: process.pid },
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    formatters: { log: truncateBulky },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  };

  const wantsPretty = options.pretty ?? isTrue(env.LOG_PRETTY);
  const destination = options.destination ?? (wantsPretty ? loadPretty() : undefined);
  const logger = destination === undefined ? pino(settings) : pino(settings, destination);

  if (wantsPretty && destination === undefined) {
    logger.warn({ setting: 'LOG_PRETTY' }, 'pino-pretty not installed, logging JSON');
  }
  return logger;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}

/** pino-pretty is an optional dev dependency; its absence is not an error. */
function loadPretty(): DestinationStream | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (opts: object) => DestinationStream;
    return pretty({ sync: true, colorize: process.stdout.isTTY });
  } catch {
    return undefined;
  }
}
