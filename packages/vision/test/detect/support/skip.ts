import { existsSync } from 'node:fs';

/**
 * `describe` when every file exists, else `describe.skip` with the missing path and the
 * setting that moves it printed (the default pack is read from models/installed until the
 * pack installer puts it there).
 */
export function describeIfFiles(
  name: string,
  files: Iterable<string>,
  setting: string,
  fn: () => void,
): void {
  const missing = [...files].filter((f) => !existsSync(f));
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  console.warn(`skipped "${name}": ${missing.join(', ')} absent (set ${setting})`);
  describe.skip(name, fn);
}
