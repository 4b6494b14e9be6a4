import { RollcallError } from '@rollcall/errors';
import type { Redis } from 'ioredis';

// What ioredis throws when it has no connection to send a command on: its own errors by
// name or message (it exports neither class from the package root), and the socket's codes.
const FAILURE_NAMES = new Set(['MaxRetriesPerRequestError']);
const FAILURE_MESSAGES = [
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'None of the sentinels are available',
];
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// Replies of a server that is up but refuses this client's login.
const LOGIN_REFUSED = /^(NOAUTH|WRONGPASS)\b/;

/** Whether `error` says Redis could not be reached (as opposed to a command it refused). */
export function isRedisUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    FAILURE_NAMES.has(error.name) ||
    FAILURE_MESSAGES.some((message) => error.message.startsWith(message)) ||
    (code !== undefined && SOCKET_CODES.has(code)) ||
    LOGIN_REFUSED.test(error.message)
  );
}

/** `host:port` of the server a client talks to, for messages (never the password). */
export function redisAddress(redis: Redis): string {
  const { host, port, path } = redis.options;
  return path !== undefined && path !== '' ? path : `${host ?? '127.0.0.1'}:${port ?? 6379}`;
}

/** A readable sentence for a Redis failure: what failed and what to check. */
export function describeRedisFailure(error: unknown, address: string | undefined): string {
  const where = address === undefined ? 'Redis' : `Redis at ${address}`;
  const message = error instanceof Error ? error.message : String(error);
  if (LOGIN_REFUSED.test(message)) {
    return `${where} refused the login; check the user and password in REDIS_URL.`;
  }
  return `${where} does not answer; start it, or point REDIS_URL at a running one.`;
}

/** `REDIS_UNAVAILABLE` (503) with that sentence, keeping ioredis's own text as the cause. */
export function redisUnavailable(error: unknown, address: string | undefined): RollcallError {
  return new RollcallError('REDIS_UNAVAILABLE', describeRedisFailure(error, address), {
    cause: error,
  });
}
