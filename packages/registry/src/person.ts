import { RollcallError } from '@rollcall/errors';

/** A person who can be recognised. */
export interface Person {
  readonly id: string;
  /** Display name. */
  readonly name: string;
  readonly group: string | null;
  /** The integrator's own id for this person (unique), e.g. an employee number. */
  readonly externalId: string | null;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** A person with how many face samples they have enrolled. */
export interface PersonSummary extends Person {
  readonly sampleCount: number;
}

export interface NewPerson {
  readonly name: string;
  readonly group?: string | null;
  readonly externalId?: string | null;
}

/** Fields to change; `null` clears group or external id, absent leaves it. */
export interface PersonPatch {
  readonly name?: string;
  readonly group?: string | null;
  readonly externalId?: string | null;
}

export function serializePerson(person: Person): string {
  return JSON.stringify(person);
}

export function parsePerson(id: string, json: string): Person {
  try {
    const value = JSON.parse(json) as Person;
    if (typeof value.name === 'string' && value.id === id) return value;
  } catch {
    // Reported below with the id, which says more than the parser's position.
  }
  throw new RollcallError(
    'STREAM_ENTRY_INVALID',
    `The stored record of person ${id} is unreadable; delete the person and enrol again.`,
    { details: { personId: id } },
  );
}

export function personNotFound(id: string): RollcallError {
  return new RollcallError(
    'PERSON_NOT_FOUND',
    `No person has id "${id}"; list people with GET /v1/people to find the id.`,
    { details: { personId: id } },
  );
}
