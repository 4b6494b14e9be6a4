import { encodeEntry, FaceMatched } from '@rollcall/contracts';
import { isRollcallError } from '@rollcall/errors';
import { StreamEntry, flattenMessage, type StreamMessage } from '@rollcall/streams';

import { decodeFaceMatch, encodeFaceMatch } from '../src';
import { T0, box, face, personVector } from './support/faces';

/** The entry a consumer would read back for `message`. */
function asRead(message: StreamMessage, id = '1-0'): StreamEntry {
  const flat = flattenMessage(message);
  const fields = new Map<string, Buffer>();
  for (let i = 0; i < flat.length; i += 2) {
    const value = flat[i + 1] as string | Buffer;
    fields.set(String(flat[i]), Buffer.isBuffer(value) ? value : Buffer.from(value));
  }
  return new StreamEntry('matches', id, fields, 1);
}

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the FaceMatched adapter', () => {
  it('reads back what the matcher writes, vector included', () => {
    const match = face({
      seq: 42,
      atMs: T0,
      box: box(10, 20, 64),
      personId: 'ada',
      score: 0.625,
      vector: personVector(1),
    });

    const decoded = decodeFaceMatch(asRead(encodeFaceMatch(match)));

    expect(decoded).toEqual(match);
  });

  it('refuses an entry whose person id cannot be a key part', () => {
    const match = face({ seq: 1, atMs: T0, box: box(0, 0), personId: 'ada lovelace' });

    const error = refusal(() => decodeFaceMatch(asRead(encodeFaceMatch(match))));

    expect(isRollcallError(error, 'STREAM_ENTRY_INVALID')).toBe(true);
    expect(String(error)).toContain('ada lovelace');
  });

  it('refuses a match without a face', () => {
    const message = encodeEntry('FaceMatched', FaceMatched.fromPartial({ personId: 'ada' }));

    const error = refusal(() => decodeFaceMatch(asRead(message)));

    expect(isRollcallError(error, 'STREAM_ENTRY_INVALID')).toBe(true);
  });

  it('refuses another message type', () => {
    const message = encodeEntry('RegistryChange', {
      kind: 1,
      personId: 'ada',
      sampleId: '',
      atMs: T0,
    });

    const error = refusal(() => decodeFaceMatch(asRead(message)));

    expect(isRollcallError(error, 'STREAM_ENTRY_INVALID')).toBe(true);
  });
});
