/**
 * Paths pino censors before a line is written. Secrets are matched at the top level and
 * one level down (`*.x`), which covers `{ headers: { authorization } }` and
 * `{ camera: { password } }`; deeper nesting is a sign the object should not be logged.
 */
export const REDACT_PATHS: readonly string[] = [
  'authorization',
  '*.authorization',
  'apiKey',
  '*.apiKey',
  'password',
  '*.password',
  'key',
  '*.key',
  'secret',
  '*.secret',
  'token',
  '*.token',
];

/** What replaces a redacted value in the output. */
export const REDACTED = '[redacted]';
