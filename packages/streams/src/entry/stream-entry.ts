import { RollcallError } from '@rollcall/errors';

import { SCHEMA_FIELD } from '../append';

/**
 * One entry read from a stream: its id, its fields as bytes (binary payloads stay
 * binary) and how many times it has been delivered to the group, this time included.
 */
export class StreamEntry {
  constructor(
    readonly stream: string,
    readonly id: string,
    readonly fields: ReadonlyMap<string, Buffer>,
    readonly deliveries: number,
  ) {}

  /** The schema version the producer wrote (`v`). */
  get schemaVersion(): number {
    return this.number(SCHEMA_FIELD);
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }

  /** The field's bytes; a coded error naming the field when it is absent. */
  bytes(name: string): Buffer {
    const value = this.fields.get(name);
    if (value !== undefined) return value;
    throw new RollcallError(
      'STREAM_ENTRY_INVALID',
      `Entry ${this.id} on ${this.stream} has no field "${name}"; the producer must write it.`,
      { details: { stream: this.stream, id: this.id, field: name } },
    );
  }

  /** The field as UTF-8 text. */
  text(name: string): string {
    return this.bytes(name).toString('utf8');
  }

  /** The field as a finite number. */
  number(name: string): number {
    const text = this.text(name);
    const value = Number(text);
    if (text.trim() !== '' && Number.isFinite(value)) return value;
    throw new RollcallError(
      'STREAM_ENTRY_INVALID',
      `Field "${name}" of entry ${this.id} on ${this.stream} is "${text}", not a number.`,
      { details: { stream: this.stream, id: this.id, field: name } },
    );
  }

  /** Fields as text, for logs and dead letters of text-only streams. */
  toTextRecord(): Record<string, string> {
    return Object.fromEntries([...this.fields].map(([k, v]) => [k, v.toString('utf8')]));
  }
}
