import { useEffect, useState } from 'react';

import { useSession } from '../app/session';

interface Props {
  /** An API path that answers with an image. */
  readonly src: string;
  readonly alt: string;
  readonly className?: string;
  /** Shown when the picture cannot be had (none stored, or expired). */
  readonly fallback?: string;
}

/** An <img> of an API picture, fetched with the key (an <img src> cannot send it). */
export function AuthedImage({ src, alt, className, fallback = 'No photo' }: Props) {
  const { api } = useSession();
  const [url, setUrl] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    let objectUrl: string | undefined;
    setFailed(false);
    api.blob(src, abort.signal).then(
      (blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => {
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
