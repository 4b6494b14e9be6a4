import { useEffect, useState } from 'react';

/** The page path after `#` (`/people/p_1`); the API serves one page, so routes live here. */
export function useHashRoute(): string {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

function readRoute(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash === '' ? '/people' : hash;
}
