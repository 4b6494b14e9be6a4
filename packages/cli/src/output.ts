/**
 * Where a command's result goes: a JSON document on stdout with `--json` (one per run, for
 * machines), otherwise lines of text for a person. Commands build one result object and
 * a text rendering of it, so the two never drift apart.
 */
export interface Output {
  readonly json: boolean;
  result(value: unknown, text: () => string[]): void;
  /** A notice for a person (licence, progress); on stderr, so `--json` stdout stays clean. */
  note(line: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, text) {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else for (const line of text()) process.stdout.write(`${line}\n`);
    },
    note(line) {
      process.stderr.write(`${line}\n`);
    },
  };
}

/** Rounds for display and JSON: four decimals is finer than any threshold we set. */
export function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
