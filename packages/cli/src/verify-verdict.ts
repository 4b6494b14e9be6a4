import { listPacks, type PackStatus } from '@rollcall/vision';

/**
 * What `models verify` says of a pack: `installed`, `corrupt` (a file found but wrong),
 * `incomplete` (partly installed: some of its own files found, others missing) or
 * `not-installed` (none of its own files found: nothing to verify, and not a failure).
 */
export type VerifyState = 'installed' | 'corrupt' | 'incomplete' | 'not-installed';

/**
 * Files that belong to several packs (`det_500m.onnx` is in `buffalo_s`, `buffalo_s_int8`
 * and `scrfd_500m`) say nothing about whether this pack was installed: finding the shared
 * detector must not make `buffalo_s` "partly installed" when its recogniser was never given.
 */
export function verifyState(status: PackStatus, shared: ReadonlySet<string>): VerifyState {
  if (status.state !== 'incomplete') return status.state;
  const ownFound = status.files.some(
    (f) => f.status !== 'missing' && !shared.has(fileKey(f.entry)),
  );
  return ownFound ? 'incomplete' : 'not-installed';
}

/** The keys of files that appear in more than one known pack's manifest. */
export function sharedFiles(): Set<string> {
  const seen = new Map<string, number>();
  for (const pack of listPacks()) {
    for (const key of new Set(pack.manifest.files.map(fileKey))) {
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([key]) => key));
}

/*
 * Files are matched by name: the search path finds them by name too, and a pack that
 * supplies its own copy under a shared name is found through that name all the same.
 */
function fileKey(entry: { name: string }): string {
  return entry.name;
}
