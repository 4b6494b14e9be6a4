import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';

import { describeError } from '../api/client';
import type { ImportJob } from '../api/types';
import { navigate } from '../app/use-hash-route';
import { useSession } from '../app/session';
import { ImportProgress } from '../components/ImportProgress';
import { ViewerNote } from '../components/ViewerNote';
import { dateTime } from '../format/time';

/**
 * Bulk import: upload a zip of person folders (one folder per person, their photos in it),
 * then follow the job (`#/import/<id>`); below, the recent imports.
 */
export function ImportPage({ id }: { id: string | undefined }) {
  const { canChange } = useSession();
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Bulk import</h1>
      {id !== undefined ? (
        <ImportProgress id={id} />
      ) : canChange ? (
        <UploadZip />
      ) : (
        <ViewerNote what="import people" />
      )}
      <RecentImports />
    </section>
  );
}

function UploadZip() {
  const { api } = useSession();
  const inputId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === undefined) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(true);
    setError(undefined);
    try {
      const { id } = await api.form<{ id: string }>('/v1/imports', form);
      navigate(`/import/${encodeURIComponent(id)}`);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="upload" aria-describedby={`${inputId}-help`}>
      <label htmlFor={inputId}>Zip of person folders</label>
      <input
        id={inputId}
        type="file"
        accept=".zip,application/zip"
        onChange={(e) => setFile(e.target.files?.[0])}
      />
      <p id={`${inputId}-help`} className="help">
        One folder per person, named for them (or their external id), with their photos in it. A
        folder whose name is someone’s external id adds to that person; any other folder makes a new
        person.
      </p>
      <button type="submit" disabled={busy || file === undefined}>
        {busy ? 'Uploading…' : 'Import'}
      </button>
      {error !== undefined && <p role="alert">{error}</p>}
    </form>
  );
}

function RecentImports() {
  const { api, timeZone } = useSession();
  const [imports, setImports] = useState<ImportJob[] | undefined>();
  const load = useCallback(() => {
    api.get<{ imports: ImportJob[] }>('/v1/imports?limit=20').then(
      (body) => setImports(body.imports),
      () => setImports([]),
    );
  }, [api]);
  useEffect(load, [load]);

  if (imports === undefined || imports.length === 0) return null;
  return (
    <>
      <h2>Recent imports</h2>
      <p className="muted">Times in {timeZone}.</p>
      <ul className="imports">
        {imports.map((job) => (
          <li key={job.id}>
            <a href={`#/import/${encodeURIComponent(job.id)}`}>
              {job.source.file ?? job.source.folder ?? job.id}
            </a>{' '}
            <span className="muted">
              {dateTime(job.createdAt, timeZone)}, {job.state}, {job.progress.photos.accepted}{' '}
              accepted, {job.progress.photos.refused} refused
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
