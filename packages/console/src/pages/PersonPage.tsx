import { useCallback, useEffect, useRef, useState } from 'react';

import { describeError } from '../api/client';
import type { FaceSample, Person, Report } from '../api/types';
import { photosFor } from '../app/send-photos';
import { useSession } from '../app/session';
import { navigate } from '../app/use-hash-route';
import { AuthedImage } from '../components/AuthedImage';
import { PhotoUpload } from '../components/PhotoUpload';
import { ViewerNote } from '../components/ViewerNote';
import { dateTime, daysBefore, hours, todayIn } from '../format/time';

/** One person: their samples (each deletable), recent attendance, and delete-person. */
export function PersonPage({ id }: { id: string }) {
  const { api, timeZone, canChange } = useSession();
  const [person, setPerson] = useState<Person | undefined>();
  const [faces, setFaces] = useState<FaceSample[]>([]);
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const path = `/v1/people/${encodeURIComponent(id)}`;

  const load = useCallback(() => {
    const today = todayIn(timeZone);
    Promise.all([
      api.get<Person>(path),
      api.get<{ faces: FaceSample[] }>(`${path}/faces`),
      api.get<Report>(
        `/v1/reports/attendance?from=${daysBefore(today, 13)}&to=${today}` +
          `&personId=${encodeURIComponent(id)}`,
      ),
    ]).then(
      ([p, f, r]) => {
        setPerson(p);
        setFaces(f.faces);
        setReport(r);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [api, id, path, timeZone]);
  useEffect(load, [load]);

  const deleteSample = async (sampleId: string) => {
    try {
      await api.json('DELETE', `${path}/faces/${encodeURIComponent(sampleId)}`);
      load();
    } catch (e) {
      setError(describeError(e));
    }
  };

  if (person === undefined) {
    return error === undefined ? <p>Loading…</p> : <p role="alert">{error}</p>;
  }
  const present = report?.rows.filter((r) => r.status === 'present') ?? [];
  return (
    <section aria-labelledby="person-title">
      <p>
        <a href="#/people">← People</a>
      </p>
      <h1 id="person-title">{person.name}</h1>
      <dl className="facts">
        <dt>Group</dt>
        <dd>{person.group ?? 'None'}</dd>
        <dt>External id</dt>
        <dd>{person.externalId ?? 'None'}</dd>
        <dt>Enrolled</dt>
        <dd>{dateTime(person.createdAt, timeZone)}</dd>
      </dl>
      <p className="muted">Times in {timeZone}.</p>
      {error !== undefined && <p role="alert">{error}</p>}

      <h2>Face samples ({faces.length})</h2>
      <ul className="samples">
        {faces.map((face, i) => (
          <li key={face.sampleId}>
            <AuthedImage
              className="thumb"
              src={`${path}/faces/${encodeURIComponent(face.sampleId)}/crop`}
              alt={`Sample ${i + 1} of ${person.name}`}
            />
            <span className="muted">{dateTime(face.createdAt, timeZone)}</span>
            {canChange && (
              <button
                type="button"
                className="secondary"
                onClick={() => void deleteSample(face.sampleId)}
                aria-label={`Delete sample ${i + 1}`}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {canChange ? (
        <>
          <h2>Add photos</h2>
          <PhotoUpload send={photosFor(api, person.id)} onDone={load} />
        </>
      ) : (
        <ViewerNote what="add or delete photos, or delete this person" />
      )}

      <h2>Last 14 days</h2>
      {present.length === 0 ? (
        <p>No check-ins in the last 14 days.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">First in</th>
              <th scope="col">Last out</th>
              <th scope="col">Hours</th>
            </tr>
          </thead>
          <tbody>
            {present.map((row) => (
              <tr key={row.date}>
                <td>{row.date}</td>
                <td>
                  {row.firstIn ?? '—'}
                  {row.late ? ' (late)' : ''}
                </td>
                <td>{row.lastOut ?? '—'}</td>
                <td>{hours(row.hoursMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canChange && <h2>Delete</h2>}
      {!canChange ? null : confirming ? (
        <ConfirmDelete
          person={person}
          samples={faces.length}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              await api.json('DELETE', path);
              navigate('/people');
            } catch (e) {
              setError(describeError(e));
            }
          }}
        />
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete {person.name}…
        </button>
      )}
    </section>
  );
}

interface ConfirmProps {
  readonly person: Person;
  readonly samples: number;
  readonly onCancel: () => void;
  readonly onConfirm: () => Promise<void>;
}

function ConfirmDelete({ person, samples, onCancel, onConfirm }: ConfirmProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  useEffect(() => {
    // Escape is the safe choice, as in any dialog.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const erased =
    samples === 0
      ? ' (they have no face samples)'
      : samples === 1
        ? ' and their one face sample with its embedding and stored photo'
        : ` and all ${samples} face samples with their embeddings and stored photos`;
  return (
    <div role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-what">
      <h3 id="confirm-title">Delete {person.name}?</h3>
      <p id="confirm-what">
        This erases {person.name}&apos;s record{erased}. Cameras will stop recognising them at once.
        Attendance records already made are kept. This cannot be undone.
      </p>
      <button ref={cancel} type="button" className="secondary" onClick={onCancel}>
        Keep {person.name}
      </button>{' '}
      <button type="button" className="danger" onClick={() => void onConfirm()}>
        {samples === 0
          ? `Delete ${person.name}`
          : `Delete ${person.name} and ${samples} ${samples === 1 ? 'sample' : 'samples'}`}
      </button>
    </div>
  );
}
