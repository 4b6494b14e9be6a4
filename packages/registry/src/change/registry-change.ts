import { RollcallError } from '@rollcall/errors';
import type { StreamEntry, StreamMessage } from '@rollcall/streams';

import { WireWriter, readFields } from './wire';

/** `rollcall.v1.RegistryChange.Kind`, by the names and numbers of the proto enum. */
export const REGISTRY_CHANGE_KINDS = {
  PERSON_UPSERTED: 1,
  PERSON_DELETED: 2,
  SAMPLE_ADDED: 3,
  SAMPLE_DELETED: 4,
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

/** The `type` field of every change entry: the proto message name, as @rollcall/contracts writes. */
export const REGISTRY_CHANGE_TYPE = 'RegistryChange';

/** Schema version `v` of change entries (the proto package is v1). */
export const REGISTRY_CHANGE_VERSION = 1;

/**
 * The stream message for `change`: `v`, `type` and the encoded proto under `data`, as
 * every pipeline stream carries its messages (see proto/rollcall/v1/pipeline.proto).
 */
export function registryChangeMessage(change: RegistryChange): StreamMessage {
  const data = new WireWriter()
    .varint(1, REGISTRY_CHANGE_KINDS[change.kind])
    .string(2, change.personId)
    .string(3, change.sampleId)
    .varint(4, change.atMs)
    .finish();
  return {
    schemaVersion: REGISTRY_CHANGE_VERSION,
    fields: { type: REGISTRY_CHANGE_TYPE, data },
  };
}

/** Decodes the `data` field of a registry change entry. */
export function decodeRegistryChange(data: Buffer): RegistryChange {
  const fields = readFields(data);
  const number = fields.get(1) ?? 0;
  const kind = kindOf(typeof number === 'number' ? number : 0);
  return {
    kind,
    personId: text(fields.get(2)),
    sampleId: text(fields.get(3)),
    atMs: typeof fields.get(4) === 'number' ? (fields.get(4) as number) : 0,
  };
}

/** The change an entry of the registry change stream carries. */
export function readRegistryChange(entry: StreamEntry): RegistryChange {
  const type = entry.text('type');
  if (type !== REGISTRY_CHANGE_TYPE) {
    throw new RollcallError(
      'STREAM_ENTRY_INVALID',
      `Entry ${entry.id} on ${entry.stream} has type "${type}"; registry change entries ` +
        `carry "${REGISTRY_CHANGE_TYPE}".`,
      { details: { stream: entry.stream, id: entry.id, field: 'type' } },
    );
  }
  return decodeRegistryChange(entry.bytes('data'));
}

function kindOf(value: number): RegistryChangeKind {
  for (const [name, number] of Object.entries(REGISTRY_CHANGE_KINDS)) {
    if (number === value) return name as RegistryChangeKind;
  }
  throw new RollcallError(
    'STREAM_ENTRY_INVALID',
    `Registry change kind ${value} is not known to this reader; upgrade it.`,
  );
}

function text(value: Buffer | number | undefined): string {
  return Buffer.isBuffer(value) ? value.toString('utf8') : '';
}
