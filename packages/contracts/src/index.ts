// Public surface of @rollcall/contracts: the messages of proto/rollcall/v1 (generated), how
// they travel as stream entries, float32 vectors as bytes, and the Vision gRPC service.
export * from './generated/rollcall/v1/pipeline';
export * from './generated/rollcall/v1/vision';
export {
  DATA_FIELD,
  ENTRY_CODECS,
  ENTRY_SCHEMA_VERSION,
  TYPE_FIELD,
  isEntryType,
  type EntryCodec,
  type EntryMessages,
  type EntryType,
} from './entries/entry-types';
export { encodeEntry } from './entries/encode-entry';
export {
  decodeEntry,
  decodeEntryAs,
  type DecodedEntry,
  type EntryFields,
} from './entries/decode-entry';
export { bytesToVector, vectorToBytes } from './vectors/vector-bytes';
export {
  createVisionClient,
  startVisionServer,
  type RunningVisionServer,
  type VisionCalls,
  type VisionServerOptions,
} from './grpc/vision-grpc';
export { ERROR_CODE_METADATA, errorCodeOf, toServiceError } from './grpc/service-error';
