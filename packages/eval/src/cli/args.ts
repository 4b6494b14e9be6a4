import { RollcallError } from '@rollcall/errors';

/**
 * A small `--flag value` / `--switch` parser for the eval commands: every flag must be
 * declared, so a typo is an error rather than a silently default run.
 */
export interface FlagSpec {
  readonly values: readonly string[];
  readonly switches: readonly string[];
}

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string[]>;
  readonly switches: ReadonlySet<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue; // pnpm passes it through
    const name = arg.replace(/^--/, '');
    if (spec.switches.includes(name)) {
      switches.add(name);
    } else if (spec.values.includes(name)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw argError(`${arg} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      const known = [...spec.values, ...spec.switches].map((f) => `--${f}`).join(', ');
      throw argError(`unknown argument ${arg} (known: ${known})`);
    }
  }
  return { values, switches };
}

export function lastValue(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.at(-1);
}

export function positiveInt(args: ParsedArgs, name: string): number | undefined {
  const raw = lastValue(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw argError(`--${name} must be a positive integer`);
  return n;
}

export function argError(what: string): RollcallError {
  return new RollcallError('INVALID_ARGUMENT', `${what}.`);
}
