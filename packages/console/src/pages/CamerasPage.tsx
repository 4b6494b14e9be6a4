import { useCallback, useEffect, useState, type FormEvent } from 'react';

import { describeError } from '../api/client';
import type { Camera } from '../api/types';
import { useSession } from '../app/session';
import { CameraPreview } from '../components/CameraPreview';
import { ViewerNote } from '../components/ViewerNote';
import { dateTime } from '../format/time';

/** Cameras: add an RTSP or file source, see each one's status, open a live preview. */
export function CamerasPage() {
  const { api, canChange, timeZone } = useSession();
  const [cameras, setCameras] = useState<Camera[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [previewing, setPreviewing] = useState<string | undefined>();

  const load = useCallback(() => {
    api
      .get<{ cameras: Camera[] }>('/v1/cameras')
      .then(({ cameras: list }) =>
        Promise.all(list.map((c) => api.get<Camera>(`/v1/cameras/${encodeURIComponent(c.id)}`))),
      )
      .then(setCameras, (e: unknown) => setError(describeError(e)));
  }, [api]);

  useEffect(() => {
    load();
    // Status changes as ingest reports it; a few seconds is fresh enough for a person.
    const timer = window.setInterval(load, 5_000);
    return () => window.clearInterval(timer);
  }, [load]);

  const remove = async (camera: Camera) => {
    if (!window.confirm(`Remove camera “${camera.name}”? Ingest stops reading it.`)) return;
    try {
      await api.json('DELETE', `/v1/cameras/${encodeURIComponent(camera.id)}`);
      load();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <section aria-labelledby="cameras-title">
      <h1 id="cameras-title">Cameras</h1>
      <p className="muted">Times in {timeZone}.</p>
      {canChange ? <AddCamera onAdded={load} /> : <ViewerNote what="add or remove cameras" />}
      {error !== undefined && <p role="alert">{error}</p>}
      {cameras === undefined ? (
        <p>Loading…</p>
      ) : cameras.length === 0 ? (
        <p>No cameras yet.</p>
      ) : (
        <ul className="cameras">
          {cameras.map((camera) => (
            <li key={camera.id} className="camera-card">
              <h2>{camera.name}</h2>
              <CameraStatus camera={camera} />
              <p className="muted url">{camera.url}</p>
              <button
                type="button"
                aria-expanded={previewing === camera.id}
                onClick={() => setPreviewing(previewing === camera.id ? undefined : camera.id)}
              >
                {previewing === camera.id ? 'Hide preview' : 'Preview'}
              </button>{' '}
              {canChange && (
                <button type="button" className="secondary" onClick={() => void remove(camera)}>
                  Remove
                </button>
              )}
              {previewing === camera.id && <CameraPreview camera={camera} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CameraStatus({ camera }: { camera: Camera }) {
  const { timeZone } = useSession();
  const s = camera.status ?? {};
  const reported = Object.keys(s).length > 0;
  const stale = s.stale === 'true';
  const state = s.state ?? 'not reported';
  const lastFrame = Number(s.lastFrameAt);
  return (
    <dl className="facts">
      <dt>Status</dt>
      <dd>
        <span className={`badge badge-${state}`}>{state}</span>{' '}
        <span className="muted">{statusNote(s, reported, stale)}</span>
      </dd>
      <dt>Role</dt>
      <dd>{camera.role === 'exit' ? 'Exit (checks out)' : 'Entry (checks in)'}</dd>
      <dt>Frames per second</dt>
      {/* A stale rate is the last one ingest wrote, not what the camera does now. */}
      <dd>{s.fps === undefined || stale ? '—' : Number(s.fps).toFixed(1)}</dd>
      <dt>Last frame</dt>
      <dd>{Number.isFinite(lastFrame) && lastFrame > 0 ? dateTime(lastFrame, timeZone) : '—'}</dd>
      <dt>Last error</dt>
      <dd>{s.lastErrorMessage || s.lastError || 'None'}</dd>
    </dl>
  );
}

/** Why the state says what it says, when it is not ingest's own word. */
function statusNote(s: Record<string, string>, reported: boolean, stale: boolean): string {
  if (!reported) return 'Waiting for ingest’s first report.';
  if (!stale) return '';
  const updatedAt = Number(s.updatedAt);
  if (!Number.isFinite(updatedAt) || updatedAt <= 0) return 'No report from ingest.';
  const seconds = Math.max(0, Math.round((Date.now() - updatedAt) / 1000));
  return `No report from ingest for ${seconds} s.`;
}

function AddCamera({ onAdded }: { onAdded: () => void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [role, setRole] = useState<'entry' | 'exit'>('entry');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.json('POST', '/v1/cameras', { name: name.trim(), url: url.trim(), role });
      setName('');
      setUrl('');
      onAdded();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="stack add-camera">
      <h2>Add a camera</h2>
      <label htmlFor="camera-name">Name</label>
      <input id="camera-name" value={name} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor="camera-url">
        Source: rtsp://, http(s):// MJPEG, a file path or /dev/video0
      </label>
      <input
        id="camera-url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        required
        placeholder="rtsp://user:password@192.0.2.10/stream1"
      />
      <label htmlFor="camera-role">Role</label>
      <select
        id="camera-role"
        value={role}
        onChange={(e) => setRole(e.target.value === 'exit' ? 'exit' : 'entry')}
      >
        <option value="entry">Entry: sightings check in</option>
        <option value="exit">Exit: sightings check out</option>
      </select>
      {error !== undefined && <p role="alert">{error}</p>}
      <button type="submit">Add camera</button>
    </form>
  );
}
