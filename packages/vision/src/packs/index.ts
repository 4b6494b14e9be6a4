// The pack API on its own, so install scripts can load it without onnxruntime.
export {
  PackManifestSchema,
  type PackManifest,
  type PackFileEntry,
  type PackFileSource,
  type NpmInputSpec,
  type DetectorSpec,
  type RecognizerSpec,
  type NormalisationSpec,
} from './manifest';
export type { LoadedPack } from './loaded-pack';
export type { PackSettings } from './pack-settings';
export { defaultPackSettings } from './pack-settings';
export { readManifest, parseManifest } from './read-manifest';
export { listPacks, findPack, shippedManifestsDir, type KnownPack } from './list-packs';
export { checkPackFiles, type FileCheck, type Rejected } from './check-pack-files';
export { ChecksumCache } from './checksum-cache';
export { resolvePack, loadPack } from './resolve-pack';
export { packStatus, type PackStatus } from './pack-status';
export { licenceNotice } from './licence-notice';
export { sourceHint } from './source-hint';
export { installPackFromFolder, type FolderInstallResult } from './install/install-from-folder';
export {
  installPackSources,
  type SourceInstallOptions,
  type SourceInstallResult,
} from './install/install-pack-sources';
export {
  NO_CONVERTERS,
  type ConverterInput,
  type ConverterRegistry,
  type PackConverter,
} from './install/converters';
