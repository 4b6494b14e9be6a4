import { useRef, useState, type FormEvent } from 'react';

import type { EnrollmentResult, Person } from '../api/types';
import type { SendPhotos } from '../app/send-photos';
import { useSession } from '../app/session';
import { PhotoUpload } from '../components/PhotoUpload';
import { ViewerNote } from '../components/ViewerNote';
import { WebcamCapture } from '../components/WebcamCapture';

interface Details {
  readonly name: string;
  readonly group?: string;
  readonly externalId?: string;
}

interface Enrolled {
  readonly id: string;
  readonly name: string;
}

/**
 * New person: name, group and external id first, then photos uploaded or taken. The
 * person is created only with the first photos, and deleted again when none of those is
 * accepted, so an abandoned or failed enrollment leaves no one without a face behind.
 */
export function EnrollPage() {
  const { api, canChange } = useSession();
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [externalId, setExternalId] = useState('');
  const [details, setDetails] = useState<Details | undefined>();
  const [namesakes, setNamesakes] = useState<Person[]>([]);
  const [mode, setMode] = useState<'upload' | 'camera'>('upload');
  const [notice, setNotice] = useState<string | undefined>();
  // A ref as well as state: two quick submissions must not create two people.
  const enrolledRef = useRef<Enrolled | undefined>(undefined);
  const [enrolled, setEnrolled] = useState<Enrolled | undefined>();

  const next = async (event: FormEvent) => {
    event.preventDefault();
    const wanted: Details = {
      name: name.trim(),
      ...(group.trim() === '' ? {} : { group: group.trim() }),
      ...(externalId.trim() === '' ? {} : { externalId: externalId.trim() }),
    };
    setNamesakes(await sameName(wanted.name));
    setDetails(wanted);
  };

  const sameName = async (wanted: string): Promise<Person[]> => {
    const query = new URLSearchParams({ search: wanted, limit: '20' });
    try {
      const page = await api.get<{ people: Person[] }>(`/v1/people?${query}`);
      return page.people.filter((p) => p.name.toLowerCase() === wanted.toLowerCase());
    } catch {
      // Only a warning rides on it: enrollment goes on without.
      return [];
    }
  };

  const send: SendPhotos = async (form) => {
    if (details === undefined) throw new Error('No person details');
    setNotice(undefined);
    const known = enrolledRef.current;
    if (known !== undefined) return upload(known.id, form);

    const { id } = await api.json<{ id: string }>('POST', '/v1/people', details);
    let result: EnrollmentResult | undefined;
    try {
      result = await upload(id, form);
    } finally {
      if (result === undefined || result.accepted.length === 0) {
        await api.json('DELETE', `/v1/people/${encodeURIComponent(id)}`).catch(() => undefined);
        setNotice(`No photo was accepted, so ${details.name} was not enrolled. Try other photos.`);
      }
    }
    if (result.accepted.length > 0) {
      enrolledRef.current = { id, name: details.name };
      setEnrolled(enrolledRef.current);
    }
    return result;
  };

  const upload = (id: string, form: FormData) =>
    api.form<EnrollmentResult>(`/v1/people/${encodeURIComponent(id)}/faces`, form);

  const restart = () => {
    enrolledRef.current = undefined;
    setEnrolled(undefined);
    setDetails(undefined);
    setNotice(undefined);
    setNamesakes([]);
    setName('');
    setGroup('');
    setExternalId('');
  };

  if (!canChange) {
    return (
      <section aria-labelledby="enroll-title">
        <h1 id="enroll-title" tabIndex={-1}>
          Enroll a person
        </h1>
        <ViewerNote what="enroll people" />
      </section>
    );
  }
  return (
    <section aria-labelledby="enroll-title">
      <h1 id="enroll-title" tabIndex={-1}>
        Enroll a person
      </h1>
      {details === undefined ? (
        <form onSubmit={(e) => void next(e)} className="stack">
          <label htmlFor="enroll-name">Name</label>
          <input
            id="enroll-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
          />
          <label htmlFor="enroll-group">Group (optional)</label>
          <input
            id="enroll-group"
            value={group}
            onChange={(e) => setGroup(e.target.value)}
            maxLength={100}
          />
          <label htmlFor="enroll-external">External id (optional, e.g. an HR number)</label>
          <input
            id="enroll-external"
            value={externalId}
            onChange={(e) => setExternalId(e.target.value)}
            maxLength={200}
          />
          <button type="submit">Next: add photos</button>
        </form>
      ) : (
        <>
          {enrolled === undefined ? (
            <p>
              Adding photos of <strong>{details.name}</strong>: they are enrolled once a photo is
              accepted.{' '}
              <button type="button" className="link" onClick={() => setDetails(undefined)}>
                Change details
              </button>
            </p>
          ) : (
            <p>
              Adding photos of <a href={`#/people/${enrolled.id}`}>{enrolled.name}</a>.
            </p>
          )}
          {enrolled === undefined && namesakes.length > 0 && (
            <p className="warning" role="status">
              There is already a person named{' '}
              <a href={`#/people/${encodeURIComponent(namesakes[0]?.id ?? '')}`}>
                {namesakes[0]?.name}
              </a>
              {namesakes.length > 1 ? ` (and ${namesakes.length - 1} more)` : ''}. Enrolling adds a
              second one; to add photos to the existing one, open their page.
            </p>
          )}
          {notice !== undefined && <p role="alert">{notice}</p>}
          <div role="group" aria-label="How to add photos" className="tabs">
            <button
              type="button"
              aria-pressed={mode === 'upload'}
              onClick={() => setMode('upload')}
            >
              Upload photos
            </button>
            <button
              type="button"
              aria-pressed={mode === 'camera'}
              onClick={() => setMode('camera')}
            >
              Use this device’s camera
            </button>
          </div>
          {mode === 'upload' ? <PhotoUpload send={send} /> : <WebcamCapture send={send} />}
          <p>
            <button type="button" className="secondary" onClick={restart}>
              Enroll someone else
            </button>
          </p>
        </>
      )}
    </section>
  );
}
