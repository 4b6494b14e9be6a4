import { useTestRedis } from '@rollcall/testing';

import { appendEntry, queueAppend, SCHEMA_FIELD, createKeySpace, type StreamRef } from '../src';

const { redis, keys } = useTestRedis('streams', createKeySpace);

describe('appendEntry', () => {
  it('writes flat fields, the schema version and binary payloads byte for byte', async () => {
    const vector = Float32Array.from([0.25, -1.5, 3]);
    const payload = Buffer.from(vector.buffer);

    const id = await appendEntry(redis, keys.embeddings, {
      schemaVersion: 2,
      fields: { cameraId: 'door-1', score: 0.75, vector: payload },
    });

    const [[readId, flat]] = (await redis.xrangeBuffer(keys.embeddings.key, id, id)) as [
      [Buffer, Buffer[]],
    ];
    const fields = new Map<string, Buffer>();
    for (let i = 0; i < flat.length; i += 2) fields.set(flat[i]!.toString(), flat[i + 1]!);

    expect(readId.toString()).toBe(id);
    expect(fields.get(SCHEMA_FIELD)?.toString()).toBe('2');
    expect(fields.get('cameraId')?.toString()).toBe('door-1');
    expect(fields.get('score')?.toString()).toBe('0.75');
    const back = fields.get('vector')!;
    expect(Array.from(new Float32Array(back.buffer, back.byteOffset, 3))).toEqual([0.25, -1.5, 3]);
  });

  it('keeps a stream near its cap however much is appended', async () => {
    const small: StreamRef = { key: `${keys.prefix}:capped:stream`, maxLen: 200 };
    const batch = redis.pipeline();
    for (let i = 0; i < 5_000; i++) {
      queueAppend(batch, small, { schemaVersion: 1, fields: { n: i } });
    }
    await batch.exec();
    await appendEntry(redis, small, { schemaVersion: 1, fields: { n: 'last' } });

    const length = await redis.xlen(small.key);
    // `MAXLEN ~` trims whole nodes (100 entries each by default), so it may keep a node more.
    expect(length).toBeGreaterThanOrEqual(200);
    expect(length).toBeLessThan(200 + 200);
  });

  it.each([
    ['a nested object', { nested: { a: 1 } }],
    ['null', { empty: null }],
    ['a non-finite number', { n: Number.NaN }],
    ['the reserved version field', { [SCHEMA_FIELD]: '3' }],
  ])('rejects %s with a coded error', async (_what, fields) => {
    const bad = { schemaVersion: 1, fields } as unknown as Parameters<typeof appendEntry>[2];

    await expect(appendEntry(redis, keys.faces, bad)).rejects.toMatchObject({
      code: 'STREAM_FIELDS_INVALID',
    });
    expect(await redis.exists(keys.faces.key)).toBe(0);
  });

  it('rejects a schema version that is not a positive integer', async () => {
    await expect(
      appendEntry(redis, keys.faces, { schemaVersion: 0, fields: { a: 'b' } }),
    ).rejects.toMatchObject({ code: 'STREAM_FIELDS_INVALID' });
  });
});
