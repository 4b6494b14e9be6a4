import { useEffect, useState } from 'react';

import { describeError } from '../api/client';
import type { Person } from '../api/types';
import { useSession } from '../app/session';
import { AuthedImage } from '../components/AuthedImage';

/** Everyone enrolled, searchable, with a thumbnail and how many face samples each has. */
export function PeoplePage() {
  const { api, canChange } = useSession();
  const [search, setSearch] = useState('');
  const [people, setPeople] = useState<Person[] | undefined>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const query = new URLSearchParams({ limit: '500' });
    if (search.trim() !== '') query.set('search', search.trim());
    let current = true;
    api.get<{ people: Person[]; total: number }>(`/v1/people?${query}`).then(
      (page) => {
        if (!current) return;
        setPeople(page.people);
        setTotal(page.total);
      },
      (e: unknown) => current && setError(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [api, search]);

  return (
    <section aria-labelledby="people-title">
      <div className="page-head">
        <h1 id="people-title">People</h1>
        {canChange && (
          <a className="button" href="#/enroll">
            Enroll a person
          </a>
        )}
      </div>
      <label htmlFor="people-search">Search by name or external id</label>
      <input
        id="people-search"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error !== undefined && <p role="alert">{error}</p>}
      {people === undefined ? (
        <p>Loading…</p>
      ) : people.length === 0 ? (
        <p>No one {search === '' ? 'is enrolled yet' : 'matches'}.</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {total} {total === 1 ? 'person' : 'people'}
          </p>
          <ul className="people-grid">
            {people.map((person) => (
              <li key={person.id}>
                <a href={`#/people/${encodeURIComponent(person.id)}`} className="person-card">
                  <AuthedImage
                    className="thumb"
                    src={
                      (person.sampleCount ?? 0) === 0
                        ? null
                        : `/v1/people/${encodeURIComponent(person.id)}/thumbnail`
                    }
                    alt={`Face of ${person.name}`}
                  />
                  <span className="person-name">{person.name}</span>
                  <span className="muted">
                    {person.group ?? 'No group'} · {person.sampleCount ?? 0}{' '}
                    {person.sampleCount === 1 ? 'sample' : 'samples'}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
