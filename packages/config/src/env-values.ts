import path from 'node:path';
import { z } from 'zod';

/**
 * Building blocks for per-area schemas, so every area reads numbers, paths and lists the
 * same way and names the expected form in the same words.
 */

/** A whole number in [min, max], written in decimal. */
export function intSetting(min: number, max: number) {
  return z
    .string()
    .regex(/^\s*\d+\s*$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** A path; relative paths are taken from the working directory, as a shell would. */
export const pathSetting = z
  .string()
  .refine((p) => !p.includes('\0'), 'a path without NUL characters')
  .transform((p) => path.resolve(p));

/** A `:`-separated list of paths (`;` on Windows, like PATH), empty entries skipped. */
export const pathListSetting = z
  .string()
  .transform((s) => s.split(path.delimiter).filter((p) => p.trim() !== ''))
  .pipe(z.array(z.string()).min(1, 'at least one folder'))
  .transform((list) => list.map((p) => path.resolve(p)));

/** One of a fixed set of words, matched without regard to case. */
export function enumSetting<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(values, { message: `one of ${values.join(', ')}` }));
}
