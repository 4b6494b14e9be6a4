import { RollcallError } from '@rollcall/errors';

import { nowMs, type RegistryContext } from './context';
import { newPersonId } from './ids';
import {
  parsePerson,
  personNotFound,
  serializePerson,
  type NewPerson,
  type Person,
  type PersonPatch,
} from './person';
import { commitChange } from './transaction';

/** Enrols a new person (no samples yet) and announces it. */
export async function createPerson(context: RegistryContext, input: NewPerson): Promise<Person> {
  const at = nowMs(context);
  const person: Person = {
    id: newPersonId(),
    name: checkName(input.name),
    group: input.group ?? null,
    externalId: input.externalId ?? null,
    createdAtMs: at,
    updatedAtMs: at,
  };

  await claimExternalId(context, person.externalId, person.id);
  try {
    await commitChange(context, upserted(person.id), (multi) => {
      multi.hset(context.keys.people, person.id, serializePerson(person));
    });
  } catch (error) {
    await releaseExternalId(context, person.externalId, person.id);
    throw error;
  }
  return person;
}

/** The person with `id`, or undefined. */
export async function findPerson(
  context: RegistryContext,
  id: string,
): Promise<Person | undefined> {
  const json = await context.redis.hget(context.keys.people, id);
  return json === null ? undefined : parsePerson(id, json);
}

/** The person with `id`; `PERSON_NOT_FOUND` when there is none. */
export async function getPerson(context: RegistryContext, id: string): Promise<Person> {
  const person = await findPerson(context, id);
  if (person === undefined) throw personNotFound(id);
  return person;
}

/** The person an integrator knows by `externalId`, or undefined. */
export async function findPersonByExternalId(
  context: RegistryContext,
  externalId: string,
): Promise<Person | undefined> {
  const id = await context.redis.hget(context.keys.externalIds, externalId);
  return id === null ? undefined : findPerson(context, id);
}

/** Changes a person's name, group or external id and announces it. */
export async function updatePerson(
  context: RegistryContext,
  id: string,
  patch: PersonPatch,
): Promise<Person> {
  const before = await getPerson(context, id);
  const after: Person = {
    ...before,
    name: patch.name === undefined ? before.name : checkName(patch.name),
    group: patch.group === undefined ? before.group : patch.group,
    externalId: patch.externalId === undefined ? before.externalId : patch.externalId,
    updatedAtMs: nowMs(context),
  };

  const externalIdChanged = after.externalId !== before.externalId;
  if (externalIdChanged) await claimExternalId(context, after.externalId, id);
  await commitChange(context, upserted(id), (multi) => {
    multi.hset(context.keys.people, id, serializePerson(after));
    if (externalIdChanged && before.externalId !== null) {
      multi.hdel(context.keys.externalIds, before.externalId);
    }
  });
  return after;
}

/**
 * Removes a person with every sample, embedding and stored crop, and announces it, all in
 * one MULTI: no reader sees the person without their samples or the samples without them.
 */
export async function deletePerson(context: RegistryContext, id: string): Promise<Person> {
  const person = await getPerson(context, id);
  const { keys } = context;

  await commitChange(context, { kind: 'PERSON_DELETED', personId: id, sampleId: '' }, (multi) => {
    multi.hdel(keys.people, id);
    multi.del(keys.samples(id), keys.sampleMeta(id), keys.sampleCrops(id));
    if (person.externalId !== null) multi.hdel(keys.externalIds, person.externalId);
  });
  return person;
}

function upserted(personId: string) {
  return { kind: 'PERSON_UPSERTED' as const, personId, sampleId: '' };
}

/*
 * The external-id index is claimed with HSETNX before the person is written, so two
 * people can never share one; a failed write gives the claim back.
 */
async function claimExternalId(
  context: RegistryContext,
  externalId: string | null,
  personId: string,
): Promise<void> {
  if (externalId === null) return;

  const claimed = await context.redis.hsetnx(context.keys.externalIds, externalId, personId);
  if (claimed === 1) return;

  const owner = await context.redis.hget(context.keys.externalIds, externalId);
  if (owner === personId) return;
  // Named as a person would know them; the id stays in the details.
  const holder = owner === null ? undefined : await findPerson(context, owner);
  const who = holder === undefined ? `person ${owner ?? '?'}` : `${holder.name} (${holder.id})`;
  throw new RollcallError(
    'PERSON_EXTERNAL_ID_TAKEN',
    `External id "${externalId}" already belongs to ${who}; choose another ` +
      'or change that person first.',
    { details: { externalId, personId: owner } },
  );
}

async function releaseExternalId(
  context: RegistryContext,
  externalId: string | null,
  personId: string,
): Promise<void> {
  if (externalId === null) return;
  const owner = await context.redis.hget(context.keys.externalIds, externalId);
  if (owner === personId) await context.redis.hdel(context.keys.externalIds, externalId);
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length > 0 && trimmed.length <= 200) return trimmed;
  throw new RollcallError(
    'INVALID_ARGUMENT',
    'A person needs a name of 1 to 200 characters (not only spaces).',
    { details: { field: 'name' } },
  );
}
