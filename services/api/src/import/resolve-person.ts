import { isRollcallError } from '@rollcall/errors';
import {
  createPerson,
  findPersonByExternalId,
  type Person,
  type RegistryContext,
} from '@rollcall/registry';

/**
 * The person a folder stands for: the one whose external id is the folder name, or a new
 * person with that name and external id. Names are not unique, external ids are, so a
 * second import of the same folders adds photos to the same people.
 */
export async function resolvePerson(
  registry: RegistryContext,
  folder: string,
): Promise<{ person: Person; created: boolean }> {
  const found = await findPersonByExternalId(registry, folder);
  if (found !== undefined) return { person: found, created: false };

  try {
    const person = await createPerson(registry, { name: folder, externalId: folder });
    return { person, created: true };
  } catch (error) {
    // Another import (or a person) claimed the id in between: that one is the person.
    if (!isRollcallError(error, 'PERSON_EXTERNAL_ID_TAKEN')) throw error;
    const winner = await findPersonByExternalId(registry, folder);
    if (winner === undefined) throw error;
    return { person: winner, created: false };
  }
}
