import { useState, type FormEvent } from 'react';

import { describeError } from '../api/client';
import { useSession } from '../app/session';
import { PhotoUpload } from '../components/PhotoUpload';
import { ViewerNote } from '../components/ViewerNote';
import { WebcamCapture } from '../components/WebcamCapture';

interface Created {
  readonly id: string;
  readonly name: string;
}

/** New person: name, group and external id first, then photos uploaded or taken. */
export function EnrollPage() {
  const { api, canChange } = useSession();
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [externalId, setExternalId] = useState('');
  const [created, setCreated] = useState<Created | undefined>();
  const [mode, setMode] = useState<'upload' | 'camera'>('upload');
  const [error, setError] = useState<string | undefined>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const body = {
        name: name.trim(),
        ...(group.trim() === '' ? {} : { group: group.trim() }),
        ...(externalId.trim() === '' ? {} : { externalId: externalId.trim() }),
      };
      const { id } = await api.json<{ id: string }>('POST', '/v1/people', body);
      setCreated({ id, name: body.name });
    } catch (e) {
      setError(describeError(e));
    }
  };

  if (!canChange) {
    return (
      <section aria-labelledby="enroll-title">
        <h1 id="enroll-title">Enroll a person</h1>
        <ViewerNote what="enroll people" />
      </section>
    );
  }
  return (
    <section aria-labelledby="enroll-title">
      <h1 id="enroll-title">Enroll a person</h1>
      {created === undefined ? (
        <form onSubmit={(e) => void create(e)} className="stack">
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
          {error !== undefined && <p role="alert">{error}</p>}
          <button type="submit">Next: add photos</button>
        </form>
      ) : (
        <>
          <p>
            Adding photos of <a href={`#/people/${created.id}`}>{created.name}</a>.
          </p>
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
          {mode === 'upload' ? (
            <PhotoUpload personId={created.id} />
          ) : (
            <WebcamCapture personId={created.id} />
          )}
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setCreated(undefined);
                setName('');
                setGroup('');
                setExternalId('');
              }}
            >
              Enroll someone else
            </button>
          </p>
        </>
      )}
    </section>
  );
}
