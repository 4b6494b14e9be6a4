/*
 * Just enough of the protobuf wire format (varints and length-delimited strings) to write
 * and read `rollcall.v1.RegistryChange` byte-for-byte as generated code does, so readers
 * that decode with the generated types need no change when this adapter is replaced.
 * https://protobuf.dev/programming-guides/encoding/
 */
import { RollcallError } from '@rollcall/errors';

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** Appends protobuf fields to a growing byte list. Proto3 defaults (0, '') are omitted. */
export class WireWriter {
  private readonly bytes: number[] = [];

  varint(field: number, value: number): this {
    if (value === 0) return this;
    this.rawVarint((field << 3) | VARINT);
    this.rawVarint(value);
    return this;
  }

  string(field: number, value: string): this {
    if (value === '') return this;
    const utf8 = Buffer.from(value, 'utf8');
    this.rawVarint((field << 3) | LENGTH_DELIMITED);
    this.rawVarint(utf8.length);
    for (const byte of utf8) this.bytes.push(byte);
    return this;
  }

  finish(): Buffer {
    return Buffer.from(this.bytes);
  }

  // Division rather than shifts: shifts truncate to 32 bits and times in ms need 41.
  private rawVarint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }
}

/** One decoded field: a number for varints, bytes for length-delimited values. */
export type WireValue = number | Buffer;

/** Every field of a message by number (the last one wins, as protobuf specifies). */
export function readFields(bytes: Buffer): Map<number, WireValue> {
  const fields = new Map<number, WireValue>();
  let at = 0;
  const next = (): number => {
    const [value, end] = readVarint(bytes, at);
    at = end;
    return value;
  };

  while (at < bytes.length) {
    const tag = next();
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (wireType === VARINT) fields.set(field, next());
    else if (wireType === LENGTH_DELIMITED) {
      const length = next();
      if (at + length > bytes.length) throw malformed('a field runs past the end');
      fields.set(field, bytes.subarray(at, at + length));
      at += length;
    } else if (wireType === FIXED64) at += 8;
    else if (wireType === FIXED32) at += 4;
    else throw malformed(`wire type ${wireType} is not one this reader skips`);
  }
  return fields;
}

function readVarint(bytes: Buffer, from: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (let at = from; at < bytes.length && at < from + 10; at++) {
    const byte = bytes[at] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, at + 1];
    scale *= 0x80;
  }
  throw malformed('a varint is truncated');
}

function malformed(why: string): RollcallError {
  return new RollcallError(
    'STREAM_ENTRY_INVALID',
    `A registry change cannot be decoded: ${why}. The producer must write rollcall.v1 bytes.`,
  );
}
