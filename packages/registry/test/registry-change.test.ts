import { join } from 'node:path';

import protobuf from 'protobufjs';

import { decodeRegistryChange, registryChangeMessage, type RegistryChange } from '../src';

const PROTO_ROOT = join(__dirname, '../../../proto');

/** The generated-code view of the message, straight from proto/rollcall/v1. */
function protoType(): protobuf.Type {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_ROOT, target);
  root.loadSync('rollcall/v1/pipeline.proto', { keepCase: false });
  return root.lookupType('rollcall.v1.RegistryChange');
}

const change: RegistryChange = {
  kind: 'SAMPLE_ADDED',
  personId: 'p_0123456789abcdef0123',
  sampleId: 's_ü-é',
  atMs: 1_764_864_000_123,
};

describe('registry change encoding', () => {
  it('writes the bytes protobuf itself reads from pipeline.proto', () => {
    const data = registryChangeMessage(change).fields.data as Buffer;
    const decoded = protoType().toObject(protoType().decode(data), { longs: Number });

    expect(decoded).toEqual({
      kind: 3,
      personId: change.personId,
      sampleId: change.sampleId,
      atMs: change.atMs,
    });
  });

  it('reads the bytes protobuf writes, skipping fields it does not know', () => {
    const type = protoType();
    const written = Buffer.from(
      type.encode(type.fromObject({ kind: 2, personId: 'p_x', atMs: change.atMs })).finish(),
    );
    // Field 5 (length 1) and field 6 (varint): what a newer producer might add.
    const withUnknown = Buffer.concat([written, Buffer.from([0x2a, 0x01, 0x41, 0x30, 0x05])]);

    expect(decodeRegistryChange(withUnknown)).toEqual({
      kind: 'PERSON_DELETED',
      personId: 'p_x',
      sampleId: '',
      atMs: change.atMs,
    });
  });

  it('carries v, type and data like every pipeline stream', () => {
    const message = registryChangeMessage(change);
    expect(message.schemaVersion).toBe(1);
    expect(Object.keys(message.fields)).toEqual(['type', 'data']);
    expect(message.fields.type).toBe('RegistryChange');
  });
});
