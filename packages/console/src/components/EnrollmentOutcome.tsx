import { useEffect, useState } from 'react';

import type { EnrollmentResult, Person } from '../api/types';
import { useSession } from '../app/session';
import { refusalAdvice, refusalTitle } from '../format/refusals';

/** What enrollment did with each photo: accepted, refused (and why), look-alike warnings. */
export function EnrollmentOutcome({ result }: { result: EnrollmentResult }) {
  return (
    <div className="outcome" aria-live="polite">
      <p>
        {result.accepted.length} accepted, {result.refused.length} refused.
      </p>
      {result.accepted.length > 0 && (
        <ul className="accepted">
          {result.accepted.map((a) => (
            <li key={a.sampleId}>
              <strong>{a.file}</strong>: accepted
            </li>
          ))}
        </ul>
      )}
      {result.refused.length > 0 && (
        <ul className="refused">
          {result.refused.map((r, i) => (
            <li key={`${r.file}-${i}`}>
              <strong>{r.file}</strong>: {refusalTitle(r.code)}. {refusalAdvice(r.code, r.message)}
              {(r.issues?.length ?? 0) > 1 && (
                <ul>
                  {r.issues?.slice(1).map((issue) => (
                    <li key={issue.code}>{issue.message}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {result.warnings.map((w) => (
        <LookAlike key={`${w.file}-${w.personId}`} warning={w} />
      ))}
    </div>
  );
}

function LookAlike({ warning }: { warning: EnrollmentResult['warnings'][number] }) {
  const { api } = useSession();
  const [name, setName] = useState<string | undefined>();
  useEffect(() => {
    api.get<Person>(`/v1/people/${encodeURIComponent(warning.personId)}`).then(
      (p) => setName(p.name),
      () => setName(undefined),
    );
  }, [api, warning.personId]);

  return (
    <p className="warning" role="status">
      Look-alike: the face in <strong>{warning.file}</strong> already matches{' '}
      <a href={`#/people/${encodeURIComponent(warning.personId)}`}>{name ?? warning.personId}</a>{' '}
      (similarity {warning.score.toFixed(2)}). If this is the same person, delete one of the two; if
      not, cameras may confuse them.
    </p>
  );
}
