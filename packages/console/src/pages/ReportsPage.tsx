import { useEffect, useState, type FormEvent } from 'react';

import { describeError } from '../api/client';
import type { Report } from '../api/types';
import { useSession } from '../app/session';
import { ArrivalsChart } from '../components/ArrivalsChart';
import { hours, todayIn } from '../format/time';

interface Query {
  from: string;
  to: string;
  group: string;
  lateAfter: string;
}

/** Per day or range, per person or group; CSV and XLSX downloads of the same report. */
export function ReportsPage() {
  const { api, timeZone } = useSession();
  const today = todayIn(timeZone);
  const [draft, setDraft] = useState<Query>({
    from: today,
    to: today,
    group: '',
    lateAfter: '09:00',
  });
  const [query, setQuery] = useState<Query>(draft);
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<string | undefined>();

  const search = reportSearch(query);

  useEffect(() => {
    setError(undefined);
    api
      .get<Report>(`/v1/reports/attendance?${reportSearch(query)}`)
      .then(setReport, (e: unknown) => {
        setReport(undefined);
        setError(describeError(e));
      });
  }, [api, query]);

  const download = async (extension: 'csv' | 'xlsx') => {
    try {
      const blob = await api.blob(`/v1/reports/attendance.${extension}?${search}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `attendance-${query.from === query.to ? query.from : `${query.from}_${query.to}`}.${extension}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...draft });
  };
  const field = (name: keyof Query) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <form onSubmit={submit} className="filters">
        <label>
          From <input type="date" required {...field('from')} />
        </label>
        <label>
          To <input type="date" required {...field('to')} />
        </label>
        <label>
          Group <input type="text" placeholder="Everyone" {...field('group')} />
        </label>
        <label>
          Late after <input type="time" required {...field('lateAfter')} />
        </label>
        <button type="submit">Show</button>
      </form>
      <p className="muted">
        Times in {timeZone}. A person counts absent only on working days (see Settings) from the day
        they were enrolled; deleted people are in no group’s totals.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void download('csv')}>
          Download CSV
        </button>{' '}
        <button type="button" className="secondary" onClick={() => void download('xlsx')}>
          Download XLSX
        </button>
      </div>
      {error !== undefined && <p role="alert">{error}</p>}
      {report !== undefined && <ReportView report={report} />}
    </section>
  );
}

function reportSearch(query: Query): URLSearchParams {
  const search = new URLSearchParams({
    from: query.from,
    to: query.to,
    lateAfter: query.lateAfter,
  });
  if (query.group.trim() !== '') search.set('group', query.group.trim());
  return search;
}

function ReportView({ report }: { report: Report }) {
  const present = report.rows.filter((r) => r.status === 'present').length;
  return (
    <>
      <p aria-live="polite">
        {present} present, {report.rows.length - present} absent,{' '}
        {report.rows.filter((r) => r.late).length} late ({report.from}
        {report.from === report.to ? '' : ` to ${report.to}`}).
      </p>
      <ArrivalsChart arrivals={report.arrivals} />
      <h2>By group</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">People</th>
              <th scope="col">Present</th>
              <th scope="col">Absent</th>
              <th scope="col">Late</th>
              <th scope="col">Hours</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.group ?? ''}>
                <td>{g.group ?? 'No group'}</td>
                <td>{g.people}</td>
                <td>{g.present}</td>
                <td>{g.absent}</td>
                <td>{g.late}</td>
                <td>{hours(g.hoursMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>By person and day</h2>
      <div className="table-scroll">
        <table className="report">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Person</th>
              <th scope="col">Group</th>
              <th scope="col">Status</th>
              <th scope="col">First in</th>
              <th scope="col">Last out</th>
              <th scope="col">Hours</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={`${r.date}-${r.personId}`}>
                <td>{r.date}</td>
                <td>
                  {r.name === null ? (
                    <span className="muted">(deleted person)</span>
                  ) : (
                    <a href={`#/people/${encodeURIComponent(r.personId)}`}>{r.name}</a>
                  )}
                </td>
                <td>{r.group ?? '—'}</td>
                <td>
                  {r.status === 'present' ? 'Present' : 'Absent'}
                  {r.late ? ', late' : ''}
                </td>
                <td>{r.firstIn ?? '—'}</td>
                <td>{r.lastOut ?? (r.open ? 'still in' : '—')}</td>
                <td>{hours(r.hoursMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
