import { RollcallError } from '@rollcall/errors';
import { SCHEMA_FIELD } from '@rollcall/streams';

import {
  DATA_FIELD,
  ENTRY_CODECS,
  ENTRY_SCHEMA_VERSION,
  TYPE_FIELD,
  isEntryType,
  type EntryCodec,
  type EntryMessages,
  type EntryType,
} from './entry-types';

/** A decoded entry: its type name and the message, narrowed together. */
export type DecodedEntry = { [T in EntryType]: { type: T; message: EntryMessages[T] } }[EntryType];

/** The fields of a read entry: a `StreamEntry`'s `fields`, or the entry itself. */
export type EntryFields =
  ReadonlyMap<string, Buffer> | { readonly fields: ReadonlyMap<string, Buffer> };

/**
 * Decodes the fields of a stream entry written by `encodeEntry`. Every refusal is
 * `STREAM_ENTRY_INVALID` (a consumer dead-letters those at once: no retry can fix them),
 * with `details.reason` one of `version`, `type`, `data`.
 */
export function decodeEntry(input: EntryFields): DecodedEntry {
  const fields =
    input instanceof Map ? input : (input as { fields: ReadonlyMap<string, Buffer> }).fields;
  checkVersion(fields.get(SCHEMA_FIELD));
  const type = readType(fields.get(TYPE_FIELD));
  const data = fields.get(DATA_FIELD);
  if (data === undefined) {
    throw invalid('data', `The entry has no "${DATA_FIELD}" field; write it with encodeEntry.`);
  }

  try {
    const codec = ENTRY_CODECS[type] as EntryCodec<EntryMessages[EntryType]>;
    return { type, message: codec.decode(data) } as DecodedEntry;
  } catch (error) {
    throw invalid(
      'data',
      `The "${DATA_FIELD}" field is not a valid ${type} message (${String(error)}); ` +
        'the producer must encode it with encodeEntry.',
      { type },
    );
  }
}

/** `decodeEntry` for a stream that carries one type: anything else is refused. */
export function decodeEntryAs<T extends EntryType>(type: T, input: EntryFields): EntryMessages[T] {
  const decoded = decodeEntry(input);
  if (decoded.type === type) return decoded.message as EntryMessages[T];
  throw invalid(
    'type',
    `The entry holds a ${decoded.type} where a ${type} is expected: it was appended to the ` +
      'wrong stream.',
    { type: decoded.type, expected: type },
  );
}

function checkVersion(raw: Buffer | undefined): void {
  const text = raw?.toString('utf8');
  if (text === String(ENTRY_SCHEMA_VERSION)) return;
  throw invalid(
    'version',
    `The entry has schema version ${text ?? '(none)'}; this build reads version ` +
      `${ENTRY_SCHEMA_VERSION}. Run producers and consumers of the same release.`,
    { version: text ?? null, supported: ENTRY_SCHEMA_VERSION },
  );
}

function readType(raw: Buffer | undefined): EntryType {
  const type = raw?.toString('utf8');
  if (type !== undefined && isEntryType(type)) return type;
  throw invalid(
    'type',
    `The entry's type is ${type === undefined ? '(none)' : JSON.stringify(type)}; known types ` +
      `are ${Object.keys(ENTRY_CODECS).join(', ')}.`,
    { type: type ?? null },
  );
}

function invalid(
  reason: 'version' | 'type' | 'data',
  message: string,
  details: Record<string, unknown> = {},
): RollcallError {
  return new RollcallError('STREAM_ENTRY_INVALID', message, { details: { reason, ...details } });
}
