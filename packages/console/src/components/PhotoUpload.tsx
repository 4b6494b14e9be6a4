import { useId, useState, type FormEvent } from 'react';

import { describeError } from '../api/client';
import type { EnrollmentResult } from '../api/types';
import type { SendPhotos } from '../app/send-photos';
import { EnrollmentOutcome } from './EnrollmentOutcome';

interface Props {
  readonly send: SendPhotos;
  readonly onDone?: (result: EnrollmentResult) => void;
}

/** Several photos at once for one person, each judged on its own by the server. */
export function PhotoUpload({ send, onDone }: Props) {
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<EnrollmentResult | undefined>();
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return;
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await send(form);
      setResult(outcome);
      onDone?.(outcome);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="upload">
      <label htmlFor={inputId}>Photos (one face each; several at once)</label>
      <input
        id={inputId}
        type="file"
        accept="image/*"
        multiple
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
      />
      <button type="submit" disabled={busy || files.length === 0}>
        {busy
          ? 'Checking photos…'
          : `Enroll ${files.length || ''} photo${files.length === 1 ? '' : 's'}`}
      </button>
      {error !== undefined && <p role="alert">{error}</p>}
      {result !== undefined && <EnrollmentOutcome result={result} />}
    </form>
  );
}
