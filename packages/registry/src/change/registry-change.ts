import {
  ENTRY_SCHEMA_VERSION,
  RegistryChange_Kind,
  RegistryChange as RegistryChangeProto,
  decodeEntryAs,
  encodeEntry,
  type EntryFields,
} from '@rollcall/contracts';
import { RollcallError } from '@rollcall/errors';
import type { StreamMessage } from '@rollcall/streams';

/** `rollcall.v1.RegistryChange.Kind` without its `KIND_` prefix. */
export const REGISTRY_CHANGE_KINDS = {
  PERSON_UPSERTED: RegistryChange_Kind.KIND_PERSON_UPSERTED,
  PERSON_DELETED: RegistryChange_Kind.KIND_PERSON_DELETED,
  SAMPLE_ADDED: RegistryChange_Kind.KIND_SAMPLE_ADDED,
  SAMPLE_DELETED: RegistryChange_Kind.KIND_SAMPLE_DELETED,
} as const;

export type RegistryChangeKind = keyof typeof REGISTRY_CHANGE_KINDS;

/** One edit to the registry, as `rollcall.v1.RegistryChange` carries it. */
export interface RegistryChange {
  readonly kind: RegistryChangeKind;
  readonly personId: string;
  /** Empty for person edits. */
  readonly sampleId: string;
  readonly atMs: number;
}

/** The `type` field of every change entry (the proto message name). */
export const REGISTRY_CHANGE_TYPE = 'RegistryChange';

/** Schema version `v` of change entries. */
export const REGISTRY_CHANGE_VERSION = ENTRY_SCHEMA_VERSION;

/** The stream message for `change`: `v`, `type` and the encoded proto under `data`. */
export function registryChangeMessage(change: RegistryChange): StreamMessage {
  return encodeEntry(REGISTRY_CHANGE_TYPE, { ...change, kind: REGISTRY_CHANGE_KINDS[change.kind] });
}

/** Decodes the `data` field of a registry change entry. */
export function decodeRegistryChange(data: Uint8Array): RegistryChange {
  return fromProto(RegistryChangeProto.decode(data));
}

/** The change an entry of the registry change stream carries (a `StreamEntry` or its fields). */
export function readRegistryChange(entry: EntryFields): RegistryChange {
  return fromProto(decodeEntryAs(REGISTRY_CHANGE_TYPE, entry));
}

function fromProto(message: RegistryChangeProto): RegistryChange {
  return {
    kind: kindOf(message.kind),
    personId: message.personId,
    sampleId: message.sampleId,
    atMs: message.atMs,
  };
}

function kindOf(value: RegistryChange_Kind): RegistryChangeKind {
  for (const [name, number] of Object.entries(REGISTRY_CHANGE_KINDS)) {
    if (number === value) return name as RegistryChangeKind;
  }
  throw new RollcallError(
    'STREAM_ENTRY_INVALID',
    `Registry change kind ${String(value)} is not known to this reader; upgrade it.`,
    { details: { reason: 'data', kind: value } },
  );
}
