import { isRollcallError } from '@rollcall/errors';
import type Redis from 'ioredis';

import {
  createPerson,
  deletePerson,
  findPersonByExternalId,
  getPerson,
  listPeople,
  updatePerson,
  type RegistryContext,
} from '../src';
import { readChanges } from './support/changes';
import { connect, deletePrefix } from './support/redis';
import { testContext } from './support/redis';

let redis: Redis;
let context: RegistryContext;
let clock = 1_700_000_000_000;

beforeAll(() => {
  redis = connect();
  context = { ...testContext(redis), now: () => clock };
});

afterAll(async () => {
  await deletePrefix(redis, context.keys.prefix);
  await redis.quit();
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isRollcallError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('people', () => {
  it('creates, reads, renames and deletes a person, announcing each edit', async () => {
    const created = await createPerson(context, { name: '  Ada Lovelace ', group: 'staff' });
    expect(created).toMatchObject({ name: 'Ada Lovelace', group: 'staff', externalId: null });
    expect(await getPerson(context, created.id)).toEqual(created);

    clock += 1000;
    const renamed = await updatePerson(context, created.id, { name: 'Ada King', group: null });
    expect(renamed).toMatchObject({ name: 'Ada King', group: null, updatedAtMs: clock });
    expect(renamed.createdAtMs).toBe(created.createdAtMs);

    await deletePerson(context, created.id);
    expect(await codeOf(getPerson(context, created.id))).toBe('PERSON_NOT_FOUND');

    const changes = (await readChanges(context)).filter((c) => c.personId === created.id);
    expect(changes.map((c) => c.kind)).toEqual([
      'PERSON_UPSERTED',
      'PERSON_UPSERTED',
      'PERSON_DELETED',
    ]);
    expect(changes[1]?.atMs).toBe(renamed.updatedAtMs);
  });

  it('keeps external ids unique and frees them on change and delete', async () => {
    const first = await createPerson(context, { name: 'Grace', externalId: 'emp-1' });
    expect(await codeOf(createPerson(context, { name: 'Other', externalId: 'emp-1' }))).toBe(
      'PERSON_EXTERNAL_ID_TAKEN',
    );
    expect((await findPersonByExternalId(context, 'emp-1'))?.id).toBe(first.id);

    await updatePerson(context, first.id, { externalId: 'emp-2' });
    expect(await findPersonByExternalId(context, 'emp-1')).toBeUndefined();
    const second = await createPerson(context, { name: 'Second', externalId: 'emp-1' });

    await deletePerson(context, first.id);
    expect(await findPersonByExternalId(context, 'emp-2')).toBeUndefined();
    await deletePerson(context, second.id);
  });

  it('refuses an empty name and unknown ids with codes', async () => {
    expect(await codeOf(createPerson(context, { name: '   ' }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(updatePerson(context, 'p_missing', { name: 'x' }))).toBe(
      'PERSON_NOT_FOUND',
    );
    expect(await codeOf(deletePerson(context, 'not:a-key'))).toBe('PERSON_NOT_FOUND');
  });

  it('lists people by name with search, group and paging', async () => {
    const names = ['Charlie Brown', 'alice Smith', 'Bob Stone', 'Alicia Keys'];
    for (const name of names) {
      await createPerson(context, { name, group: name.startsWith('B') ? 'b' : 'a' });
    }

    const all = await listPeople(context);
    expect(all.people.map((p) => p.name)).toEqual([
      'alice Smith',
      'Alicia Keys',
      'Bob Stone',
      'Charlie Brown',
    ]);
    expect(all.people.every((p) => p.sampleCount === 0)).toBe(true);

    const found = await listPeople(context, { search: 'ALIC' });
    expect(found.people.map((p) => p.name)).toEqual(['alice Smith', 'Alicia Keys']);
    expect((await listPeople(context, { group: 'b' })).people.map((p) => p.name)).toEqual([
      'Bob Stone',
    ]);

    const page = await listPeople(context, { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.people.map((p) => p.name)).toEqual(['Alicia Keys', 'Bob Stone']);
  });
});
