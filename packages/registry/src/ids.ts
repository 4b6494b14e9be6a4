import { randomBytes } from 'node:crypto';

/*
 * 80 random bits, hex: unguessable enough for ids that appear in URLs, short enough to read
 * out, and made only of characters every key part accepts.
 */
function randomId(kind: 'p' | 's'): string {
  return `${kind}_${randomBytes(10).toString('hex')}`;
}

export function newPersonId(): string {
  return randomId('p');
}

export function newSampleId(): string {
  return randomId('s');
}
