import type { StreamMessage } from '@rollcall/streams';

import {
  DATA_FIELD,
  ENTRY_CODECS,
  ENTRY_SCHEMA_VERSION,
  TYPE_FIELD,
  type EntryCodec,
  type EntryMessages,
  type EntryType,
} from './entry-types';

/**
 * The stream message for `message`: `type` names it, `data` holds its protobuf bytes, and
 * `appendEntry` adds the schema version `v`.
 */
export function encodeEntry<T extends EntryType>(
  type: T,
  message: EntryMessages[T],
): StreamMessage {
  const codec = ENTRY_CODECS[type] as EntryCodec<EntryMessages[T]>;
  const bytes = codec.encode(message).finish();
  return {
    schemaVersion: ENTRY_SCHEMA_VERSION,
    fields: {
      [TYPE_FIELD]: type,
      [DATA_FIELD]: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    },
  };
}
