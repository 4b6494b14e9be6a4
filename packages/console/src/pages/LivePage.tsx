import { useEffect, useState } from 'react';

import { describeError } from '../api/client';
import { readEvents } from '../api/event-stream';
import type { LiveRecord } from '../api/types';
import { useSession } from '../app/session';
import { AuthedImage } from '../components/AuthedImage';
import { recentTime } from '../format/time';

/** Most records kept on the page: a door's morning fits, a day's does not need to. */
const KEEP = 200;
const RECONNECT_MS = 3_000;

/** Check-ins and check-outs as they happen (server-sent events), newest first. */
export function LivePage() {
  const { api, timeZone } = useSession();
  const [records, setRecords] = useState<LiveRecord[]>([]);
  const [state, setState] = useState<'connecting' | 'live' | 'retrying'>('connecting');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    let timer: number | undefined;
    const connect = () => {
      setState('connecting');
      readEvents(api, '/v1/events/attendance?recent=20', abort.signal, (event) => {
        setState('live');
        if (event.event !== 'attendance') return;
        const record = JSON.parse(event.data) as LiveRecord;
        setRecords((list) =>
          [record, ...list.filter((r) => r.recordId !== record.recordId)].slice(0, KEEP),
        );
      })
        .catch((e: unknown) => {
          if (!abort.signal.aborted) setError(describeError(e));
        })
        .finally(() => {
          if (abort.signal.aborted) return;
          setState('retrying');
          timer = window.setTimeout(connect, RECONNECT_MS);
        });
    };
    connect();
    return () => {
      abort.abort();
      window.clearTimeout(timer);
    };
  }, [api]);

  return (
    <section aria-labelledby="live-title">
      <h1 id="live-title">Live</h1>
      <p className="muted" role="status">
        {state === 'live'
          ? 'Connected: new check-ins appear at the top.'
          : state === 'connecting'
            ? 'Connecting…'
            : `Connection lost; retrying.${error === undefined ? '' : ` (${error})`}`}
      </p>
      <p className="muted">Times in {timeZone}; earlier days show their date.</p>
      {records.length === 0 ? (
        <p>No check-ins yet.</p>
      ) : (
        <ol className="feed" aria-live="polite" aria-label="Attendance feed">
          {records.map((r) => (
            <li key={r.recordId} className={`feed-item ${r.type}`}>
              <AuthedImage
                className="thumb"
                src={r.faceUrl}
                alt={`Face seen for ${r.personName ?? r.personId}`}
                fallback="—"
              />
              <AuthedImage
                className="thumb"
                src={r.personName === null ? null : r.thumbnailUrl}
                alt={`Enrolled face of ${r.personName ?? r.personId}`}
                fallback="—"
              />
              <div>
                <strong className="person-name">{r.personName ?? '(deleted person)'}</strong>
                <span className="kind">{r.type === 'check_in' ? 'Checked in' : 'Checked out'}</span>
                <span className="muted">
                  {recentTime(r.at, timeZone)} · {r.cameraName ?? r.cameraId} · score{' '}
                  {r.score.toFixed(2)}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
