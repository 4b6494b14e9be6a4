import { existsSync } from 'node:fs';

/**
 * `describe` when every file exists, else `describe.skip`, printing the missing paths and
 * `remedy` (which setting to change, or what to install).
 */
export function describeIfFiles(
  name: string,
  files: Iterable<string>,
  remedy: string,
  fn: () => void,
): void {
  const missing = [...files].filter((f) => !existsSync(f));
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  console.warn(`skipped "${name}": ${missing.join(', ')} absent: ${remedy}`);
  describe.skip(name, fn);
}
