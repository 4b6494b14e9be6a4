import { isRollcallError } from '@rollcall/errors';
import { flattenMessage } from '@rollcall/streams';

import { decodeEntry, decodeEntryAs, encodeEntry, FaceFound, Frame } from '../src';

/** The fields a reader gets back for `message`, as `StreamEntry.fields` holds them. */
function asRead(message: ReturnType<typeof encodeEntry>): Map<string, Buffer> {
  const flat = flattenMessage(message);
  const fields = new Map<string, Buffer>();
  for (let i = 0; i < flat.length; i += 2) {
    fields.set(String(flat[i]), Buffer.from(flat[i + 1] as string | Buffer));
  }
  return fields;
}

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (isRollcallError(error, 'STREAM_ENTRY_INVALID')) return error.details?.reason;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('stream entries', () => {
  const frame = Frame.fromPartial({
    cameraId: 'door-1',
    seq: 41,
    capturedAtMs: 1_764_860_000_123,
    width: 2,
    height: 1,
    image: {
      $case: 'raw',
      value: { width: 2, height: 1, pixelFormat: 'rgb24', pixels: Buffer.from([1, 2, 3, 4, 5, 6]) },
    },
  });

  it('round-trips a message through the fields a reader sees', () => {
    const fields = asRead(encodeEntry('Frame', frame));
    expect(fields.get('v')?.toString()).toBe('1');
    expect(fields.get('type')?.toString()).toBe('Frame');

    const decoded = decodeEntry(fields);
    expect(decoded.type).toBe('Frame');
    expect(decoded.message).toEqual(frame);
    expect(decodeEntryAs('Frame', { fields })).toEqual(frame);
  });

  it('refuses another version, an unknown type, a wrong type and bad data', () => {
    const good = asRead(encodeEntry('Frame', frame));

    expect(reasonOf(() => decodeEntry(new Map([...good, ['v', Buffer.from('2')]])))).toBe(
      'version',
    );
    expect(reasonOf(() => decodeEntry(new Map([...good, ['type', Buffer.from('Fram')]])))).toBe(
      'type',
    );
    expect(reasonOf(() => decodeEntryAs('FaceFound', good))).toBe('type');
    const truncated = new Map([...good, ['data', Buffer.from([0x32, 0x40, 0x01])]]);
    expect(reasonOf(() => decodeEntry(truncated))).toBe('data');
    const noData = new Map([...good].filter(([k]) => k !== 'data'));
    expect(reasonOf(() => decodeEntry(noData))).toBe('data');
  });

  it('keeps nested faces, crops and 64-bit times', () => {
    const found = FaceFound.fromPartial({
      face: {
        faceId: 'door-1:41:0',
        frameSeq: 41,
        capturedAtMs: 2 ** 40 + 7,
        landmarks: [{ x: 1.5, y: 2.5 }],
      },
      detectorId: 'scrfd',
      crops: [
        {
          template: 'arcface-112',
          image: { width: 1, height: 1, pixelFormat: 'rgb24', pixels: Buffer.from([9, 8, 7]) },
        },
      ],
    });
    expect(decodeEntryAs('FaceFound', asRead(encodeEntry('FaceFound', found)))).toEqual(found);
  });
});
