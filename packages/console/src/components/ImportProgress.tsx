import { useEffect, useState } from 'react';

import { describeError } from '../api/client';
import type { ImportJob, ImportOutcome } from '../api/types';
import { useSession } from '../app/session';
import { refusalAdvice, refusalTitle } from '../format/refusals';

/** How often a running import is read again: often enough to look live, cheap for the API. */
const POLL_MS = 1_000;

/** One import followed live: progress, the people it touched, each refused file and why. */
export function ImportProgress({ id }: { id: string }) {
  const { api } = useSession();
  const [job, setJob] = useState<ImportJob | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = () => {
      api.get<ImportJob>(`/v1/imports/${encodeURIComponent(id)}`).then(
        (read) => {
          if (stopped) return;
          setJob(read);
          setError(undefined);
          if (read.state === 'queued' || read.state === 'running') {
            timer = window.setTimeout(poll, POLL_MS);
          }
        },
        (e: unknown) => {
          if (stopped) return;
          setError(describeError(e));
          timer = window.setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api, id]);

  if (job === undefined) return error === undefined ? <p>Loading…</p> : <p role="alert">{error}</p>;
  const { people, photos } = job.progress;
  const files = job.files ?? [];
  const refused = files.filter((f) => f.status === 'refused');

  return (
    <div className="import-job">
      <h2>{job.source.file ?? job.source.folder ?? job.id}</h2>
      <p role="status" className={`import-state ${job.state}`}>
        {stateInWords(job)}
      </p>
      <label htmlFor={`progress-${job.id}`}>Files checked</label>
      <progress id={`progress-${job.id}`} value={photos.done} max={Math.max(photos.total, 1)} />
      <p className="counts">
        {photos.done} of {photos.total} files checked: {photos.accepted} accepted, {photos.refused}{' '}
        refused. {people.done} of {people.total} people done, {people.created} new.
        {job.progress.ignored > 0 && ` ${job.progress.ignored} clutter files ignored.`}
      </p>
      {error !== undefined && <p role="alert">{error}</p>}

      <h3>People</h3>
      <PeopleOf files={files} />
      {refused.length > 0 && (
        <>
          <h3>Refused files ({refused.length})</h3>
          <ul className="refused">
            {refused.map((file) => (
              <li key={file.path}>
                <strong>{file.path}</strong>: {refusalTitle(file.code ?? '')}.{' '}
                {refusalAdvice(file.code ?? '', file.message ?? '')}
              </li>
            ))}
          </ul>
        </>
      )}
      {(job.filesTotal ?? 0) > files.length && (
        <p className="muted">
          Showing the first {files.length} of {job.filesTotal} files.
        </p>
      )}
    </div>
  );
}

function stateInWords(job: ImportJob): string {
  switch (job.state) {
    case 'queued':
      return 'Waiting to start…';
    case 'running':
      return 'Importing…';
    case 'completed':
      return 'Import complete.';
    case 'failed':
      return `The import stopped: ${job.error?.message ?? 'no reason was given'}`;
  }
}

interface PersonLine {
  readonly personId: string | null;
  readonly name: string;
  readonly created: boolean;
  accepted: number;
  refused: number;
}

/** The people the files went to, in the order they were reached, with their counts. */
function PeopleOf({ files }: { files: readonly ImportOutcome[] }) {
  const lines = new Map<string, PersonLine>();
  for (const file of files) {
    if (file.person === null) continue;
    const line = lines.get(file.person) ?? {
      personId: file.personId,
      name: file.person,
      created: false,
      accepted: 0,
      refused: 0,
    };
    // A folder's person exists from its first accepted photo: a refused file before it
    // has no id yet, so the link comes from whichever file has one.
    const next = {
      ...line,
      personId: line.personId ?? file.personId,
      created: line.created || file.newPerson === true,
    };
    if (file.status === 'accepted') next.accepted += 1;
    else next.refused += 1;
    lines.set(file.person, next);
  }

  if (lines.size === 0) return <p>No one yet.</p>;
  return (
    <ul className="import-people">
      {[...lines.values()].map((line) => (
        <li key={line.name}>
          {line.personId === null ? (
            line.name
          ) : (
            <a href={`#/people/${encodeURIComponent(line.personId)}`}>{line.name}</a>
          )}
          {line.created ? ' (new)' : ''}: {line.accepted} accepted
          {line.refused > 0 ? `, ${line.refused} refused` : ''}
        </li>
      ))}
    </ul>
  );
}
