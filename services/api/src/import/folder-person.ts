import type { RegistryContext } from '@rollcall/registry';
import { findPersonByExternalId } from '@rollcall/registry';

import type { EnrollmentTarget } from '../enrollment/enroll-photos';
import { resolvePerson } from './resolve-person';

/**
 * The person a folder of an import stands for: found by external id when enrolled already,
 * otherwise made (`resolvePerson`) when the folder's first photo is accepted, so a folder
 * whose files are all refused leaves no empty person behind.
 */
export class FolderPerson {
  private personId: string | null = null;
  private madeHere = false;

  private constructor(
    private readonly registry: RegistryContext,
    private readonly folder: string,
  ) {}

  static async find(registry: RegistryContext, folder: string): Promise<FolderPerson> {
    const person = new FolderPerson(registry, folder);
    person.personId = (await findPersonByExternalId(registry, folder))?.id ?? null;
    return person;
  }

  /** The person's id; null until made. */
  get id(): string | null {
    return this.personId;
  }

  /** What to enrol for: the id once known, else a maker called on the first acceptance. */
  get target(): EnrollmentTarget {
    return this.personId ?? (() => this.make());
  }

  /** True once, right after this import made the person (the outcome that says so). */
  takeCreated(): boolean {
    const made = this.madeHere;
    this.madeHere = false;
    return made;
  }

  private async make(): Promise<string> {
    const { person, created } = await resolvePerson(this.registry, this.folder);
    this.personId = person.id;
    this.madeHere = created;
    return person.id;
  }
}
