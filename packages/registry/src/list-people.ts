import type { RegistryContext } from './context';
import { parsePerson, type PersonSummary } from './person';

/** Which people `listPeople` returns; every field is optional. */
export interface ListPeopleOptions {
  /** Case-insensitive part of the name or external id. Default: everyone. */
  readonly search?: string;
  /** Only this group. Default: every group. */
  readonly group?: string;
  /** Skip this many (after sorting by name). Default 0. */
  readonly offset?: number;
  /** At most this many. Default: all. */
  readonly limit?: number;
}

export interface PeoplePage {
  readonly people: PersonSummary[];
  /** How many matched before offset and limit. */
  readonly total: number;
}

/** People sorted by name, each with their sample count. */
export async function listPeople(
  context: RegistryContext,
  options: ListPeopleOptions = {},
): Promise<PeoplePage> {
  const all = await scanPeople(context);
  const needle = options.search?.trim().toLowerCase() ?? '';
  const matching = all.filter(
    (p) =>
      (options.group === undefined || p.group === options.group) &&
      (needle === '' ||
        p.name.toLowerCase().includes(needle) ||
        (p.externalId?.toLowerCase().includes(needle) ?? false)),
  );
  matching.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const offset = options.offset ?? 0;
  const page = matching.slice(
    offset,
    options.limit === undefined ? undefined : offset + options.limit,
  );
  return { people: await withSampleCounts(context, page), total: matching.length };
}

async function scanPeople(context: RegistryContext) {
  const byId = new Map<string, ReturnType<typeof parsePerson>>();
  let cursor = '0';
  do {
    const [next, flat] = await context.redis.hscan(context.keys.people, cursor, 'COUNT', 500);
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const id = flat[i] as string;
      byId.set(id, parsePerson(id, flat[i + 1] as string));
    }
    cursor = next;
  } while (cursor !== '0');
  return [...byId.values()];
}

async function withSampleCounts(
  context: RegistryContext,
  people: ReturnType<typeof parsePerson>[],
): Promise<PersonSummary[]> {
  if (people.length === 0) return [];

  const pipeline = context.redis.pipeline();
  for (const person of people) pipeline.hlen(context.keys.sampleMeta(person.id));
  const counts = (await pipeline.exec()) ?? [];
  return people.map((person, i) => ({ ...person, sampleCount: Number(counts[i]?.[1] ?? 0) }));
}
