import {
  AttendanceRecord,
  FaceEmbedded,
  FaceFound,
  FaceMatched,
  Frame,
  RegistryChange,
} from '../generated/rollcall/v1/pipeline';

/**
 * Version of the stream entry layout (`v`, `type`, `data`) and of the messages in
 * `rollcall.v1`. Messages only gain fields within v1, which old readers skip, so this
 * changes only with a new proto package and new stream names.
 */
export const ENTRY_SCHEMA_VERSION = 1;

/** Field holding the message type name, e.g. `FaceFound`. */
export const TYPE_FIELD = 'type';
/** Field holding the protobuf-encoded message. */
export const DATA_FIELD = 'data';

/** The message type for each entry type name (the proto message name). */
export interface EntryMessages {
  Frame: Frame;
  FaceFound: FaceFound;
  FaceEmbedded: FaceEmbedded;
  FaceMatched: FaceMatched;
  AttendanceRecord: AttendanceRecord;
  RegistryChange: RegistryChange;
}

/** The name written under `type`. */
export type EntryType = keyof EntryMessages;

/** What encoding and decoding one message type takes (the generated message functions). */
export interface EntryCodec<M> {
  encode(message: M): { finish(): Uint8Array };
  decode(bytes: Uint8Array): M;
}

/** The encoder and decoder of every message that travels a stream, by its proto name. */
export const ENTRY_CODECS: { readonly [T in EntryType]: EntryCodec<EntryMessages[T]> } = {
  Frame,
  FaceFound,
  FaceEmbedded,
  FaceMatched,
  AttendanceRecord,
  RegistryChange,
};

export function isEntryType(value: string): value is EntryType {
  return Object.hasOwn(ENTRY_CODECS, value);
}
