import type { z } from 'zod';
import { RollcallError } from '@rollcall/errors';
import { deepFreeze } from './deep-freeze';

export type Env = Readonly<Record<string, string | undefined>>;

/** One bad variable: its name, what it holds (truncated), and why it was refused. */
export interface SettingProblem {
  readonly variable: string;
  readonly value: string | undefined;
  readonly problem: string;
}

/**
 * Reads one area's settings from the environment with its schema. The schema is written
 * against variable names (`ROLLCALL_THREADS`) and may transform them into a typed object;
 * every variable it refuses is listed in one `CONFIG_INVALID` error, so a person fixes
 * their environment in one go instead of one variable per restart. The result is frozen.
 *
 * An empty variable counts as unset: `ROLLCALL_PACK= rollcall ...` means "the default".
 */
export function loadConfig<T>(schema: z.ZodType<T>, env: Env = process.env): Readonly<T> {
  const present = withoutEmpty(env);
  const parsed = schema.safeParse(present);
  if (parsed.success) return deepFreeze(parsed.data);

  const problems: SettingProblem[] = parsed.error.issues.map((issue) => {
    const variable = typeof issue.path[0] === 'string' ? issue.path[0] : '(settings)';
    return { variable, value: shorten(present[variable]), problem: issue.message };
  });
  throw configInvalid(problems);
}

/** The error for a list of bad variables; also used by checks that span several areas. */
export function configInvalid(problems: readonly SettingProblem[]): RollcallError {
  const lines = problems.map(
    (p) =>
      `  ${p.variable}${p.value === undefined ? '' : `=${JSON.stringify(p.value)}`}: ${p.problem}`,
  );
  return new RollcallError(
    'CONFIG_INVALID',
    `${problems.length} setting(s) are invalid; fix these environment variables:\n` +
      lines.join('\n'),
    { details: { problems } },
  );
}

function withoutEmpty(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value;
  }
  return out;
}

// A pasted secret or a whole file in a variable should not fill the terminal.
function shorten(value: string | undefined): string | undefined {
  if (value === undefined || value.length <= 120) return value;
  return `${value.slice(0, 117)}...`;
}
