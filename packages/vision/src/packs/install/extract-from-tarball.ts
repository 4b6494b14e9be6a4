import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { RollcallError } from '@rollcall/errors';

const run = promisify(execFile);

/**
 * Extracts only `members` (paths inside the tarball, e.g. `package/model/x.onnx`) of a
 * .tgz into `outDir` with the system `tar` (GNU tar on Linux, bsdtar on macOS and
 * Windows 10+), and returns their extracted paths in the same order.
 */
export async function extractFromTarball(
  tarball: string,
  members: readonly string[],
  outDir: string,
): Promise<string[]> {
  for (const member of members) assertSafeMember(member);
  mkdirSync(outDir, { recursive: true });

  try {
    await run('tar', ['-xzf', tarball, '-C', outDir, '--no-same-owner', ...members], {
      timeout: 5 * 60_000,
      maxBuffer: 4 * 1024 * 1024,
    });
  } catch (err) {
    throw new RollcallError(
      'PACK_SOURCE_FAILED',
      `Cannot extract ${members.join(', ')} from ${tarball}: ` +
        `${(err as { stderr?: string }).stderr?.trim() || String(err)}`,
      { details: { tarball, members }, cause: err },
    );
  }

  return members.map((member) => {
    const file = path.join(outDir, member);
    if (!existsSync(file)) {
      throw new RollcallError(
        'PACK_SOURCE_FAILED',
        `${tarball} has no ${member}: the manifest names a path the package does not ship.`,
        { details: { tarball, member } },
      );
    }
    return file;
  });
}

// The paths come from a manifest; one that climbs out of the folder is a manifest bug.
function assertSafeMember(member: string): void {
  const normal = path.posix.normalize(member);
  if (path.posix.isAbsolute(normal) || normal.startsWith('..') || normal !== member) {
    throw new RollcallError(
      'PACK_MANIFEST_INVALID',
      `"${member}" is not a plain relative path inside a package tarball.`,
      { details: { member } },
    );
  }
}
