import { RollcallError } from '@rollcall/errors';

/** The levels pino knows, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** The level to log at: the explicit one, else `LOG_LEVEL`, else `info`. */
export function resolveLevel(explicit: string | undefined, env = process.env): LogLevel {
  const fromEnv = env.LOG_LEVEL?.trim();
  const chosen = explicit ?? (fromEnv === '' ? undefined : fromEnv) ?? 'info';
  const level = chosen.toLowerCase();
  if (isLogLevel(level)) return level;

  const source = explicit === undefined ? 'LOG_LEVEL' : 'the level option';
  throw new RollcallError(
    'CONFIG_INVALID',
    `${source} is "${chosen}"; set it to one of ${LOG_LEVELS.join(', ')}.`,
    { details: { setting: source, value: chosen } },
  );
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
