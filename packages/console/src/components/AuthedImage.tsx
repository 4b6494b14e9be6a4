import { useEffect, useState } from 'react';

import { ApiError } from '../api/client';
import { useSession } from '../app/session';

interface Props {
  /** An API path that answers with an image; null: known to have none (nothing is asked). */
  readonly src: string | null;
  readonly alt: string;
  readonly className?: string;
  /** Shown when the picture cannot be had (none stored, or expired). */
  readonly fallback?: string;
}

/**
 * Paths that answered 404 in this tab: a deleted person's face or a crop the streams have
 * trimmed stays gone, so each is asked for once, not on every record or render that shows
 * it.
 */
const missing = new Set<string>();

/** An <img> of an API picture, fetched with the key (an <img src> cannot send it). */
export function AuthedImage({ src, alt, className, fallback = 'No photo' }: Props) {
  const { api } = useSession();
  const [url, setUrl] = useState<string | undefined>();
  const [failed, setFailed] = useState(src === null || missing.has(src));

  useEffect(() => {
    if (src === null || missing.has(src)) {
      setFailed(true);
      return;
    }
    const abort = new AbortController();
    let objectUrl: string | undefined;
    setFailed(false);
    api.blob(src, abort.signal).then(
      (blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) missing.add(src);
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => {
      abort.abort();
      if (objectUrl !== undefined) URL.revokeObjectURL(objectUrl);
    };
  }, [api, src]);

  if (failed) {
    return (
      <span className={`no-photo ${className ?? ''}`} role="img" aria-label={`${alt}: ${fallback}`}>
        {fallback}
      </span>
    );
  }
  return <img className={className} src={url} alt={alt} />;
}
