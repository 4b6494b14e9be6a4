import { existsSync } from 'node:fs';
import path from 'node:path';

/** Root of the shared face data (`ROLLCALL_DATA_DIR`, default `<repo>/../shared/data`). */
export const DATA_DIR = path.resolve(
  process.env.ROLLCALL_DATA_DIR ??
    path.join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data'),
);

export function dataPath(relPath: string): string {
  return path.join(DATA_DIR, relPath);
}

/** The paths under the data root that are absent (empty: all there). */
export function missingData(relPaths: readonly string[]): string[] {
  return relPaths.filter((p) => !existsSync(dataPath(p)));
}
