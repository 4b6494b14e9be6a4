import { isRollcallError } from '@rollcall/errors';

import { bytesToVector, vectorToBytes } from '../src';

describe('float32 vectors as bytes', () => {
  it('writes little-endian float32 and reads it back', () => {
    const bytes = vectorToBytes([1, -2.5, 0.1]);
    expect(bytes.length).toBe(12);
    // 1.0f is 0x3f800000: little-endian puts 0x00 0x00 0x80 0x3f first.
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x00, 0x80, 0x3f]);
    expect(bytes.readFloatLE(4)).toBe(-2.5);
    expect([...bytesToVector(bytes)]).toEqual([1, -2.5, Math.fround(0.1)]);
  });

  it('reads from an unaligned view', () => {
    const padded = Buffer.concat([Buffer.from([0xff]), vectorToBytes([3, 4])]);
    expect([...bytesToVector(padded.subarray(1))]).toEqual([3, 4]);
  });

  it('refuses a length that is not whole floats or not the expected dimension', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isRollcallError(error) ? error.code : 'other';
      }
      return 'none';
    };
    expect(code(() => bytesToVector(Buffer.alloc(6)))).toBe('EMBEDDING_MALFORMED');
    expect(code(() => bytesToVector(Buffer.alloc(8), 3))).toBe('EMBEDDING_MALFORMED');
    expect(code(() => bytesToVector(Buffer.alloc(12), 3))).toBe('none');
  });
});
