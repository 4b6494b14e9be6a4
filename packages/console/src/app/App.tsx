import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';

import { ApiClient, describeError } from '../api/client';
import type { Principal, Settings } from '../api/types';
import { CamerasPage } from '../pages/CamerasPage';
import { EnrollPage } from '../pages/EnrollPage';
import { ImportPage } from '../pages/ImportPage';
import { LivePage } from '../pages/LivePage';
import { PeoplePage } from '../pages/PeoplePage';
import { PersonPage } from '../pages/PersonPage';
import { ReportsPage } from '../pages/ReportsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { SignIn } from '../pages/SignIn';
import { SessionContext, type Session } from './session';
import { useHashRoute } from './use-hash-route';

const KEY_STORAGE = 'rollcall.apiKey';

const NAV = [
  ['/people', 'People'],
  ['/enroll', 'Enroll'],
  ['/import', 'Import'],
  ['/cameras', 'Cameras'],
  ['/live', 'Live'],
  ['/reports', 'Reports'],
  ['/settings', 'Settings'],
] as const;

export function App() {
  const [key, setKey] = useState(() => sessionStorage.getItem(KEY_STORAGE));
  const [settings, setSettings] = useState<Settings | undefined>();
  const [who, setWho] = useState<Principal | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const api = useMemo(() => (key === null ? undefined : new ApiClient(key)), [key]);

  useEffect(() => {
    if (api === undefined) return;
    Promise.all([
      api.get<Settings>('/v1/settings'),
      api.get<Principal>('/v1/sessions/current'),
    ]).then(
      ([read, principal]) => {
        setSettings(read);
        setWho(principal);
      },
      (e: unknown) => {
        setError(describeError(e));
        sessionStorage.removeItem(KEY_STORAGE);
        setKey(null);
      },
    );
  }, [api, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const signOut = () => {
    // A session ends on the server too; a key stays valid and is only forgotten here.
    if (api?.isSession === true) api.json('DELETE', '/v1/sessions/current').catch(() => {});
    sessionStorage.removeItem(KEY_STORAGE);
    setKey(null);
    setSettings(undefined);
    setWho(undefined);
  };

  if (api === undefined) {
    return (
      <SignIn
        error={error}
        onToken={(candidate) => {
          sessionStorage.setItem(KEY_STORAGE, candidate);
          setError(undefined);
          setKey(candidate);
        }}
      />
    );
  }
  if (settings === undefined || who === undefined) {
    return <p className="loading">Signing in…</p>;
  }

  const session: Session = {
    api,
    timeZone: settings.timeZone,
    who,
    canChange: who.role === 'admin',
    refresh,
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell who={who} onSignOut={signOut} />
    </SessionContext.Provider>
  );
}

function Shell({ who, onSignOut }: { who: Principal; onSignOut: () => void }) {
  const route = useHashRoute();
  const section = '/' + (route.split('/')[1] ?? '');
  useFocusHeadingOnNavigate(route);
  return (
    <div className="shell">
      <a className="skip" href="#main" onClick={(e) => skipToMain(e)}>
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Rollcall</span>
        <nav aria-label="Sections">
          {NAV.map(([path, label]) => (
            <a key={path} href={`#${path}`} aria-current={section === path ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span className="who" aria-label="Signed in as">
          {who.kind === 'key' ? `key: ${who.name}` : who.name} · {who.role}
        </span>
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </div>
  );
}

function Page({ route }: { route: string }) {
  const [, section, id] = route.split('/');
  switch (section) {
    case 'people':
      return id === undefined ? <PeoplePage /> : <PersonPage id={decodeURIComponent(id)} />;
    case 'enroll':
      return <EnrollPage />;
    case 'import':
      return <ImportPage id={id === undefined ? undefined : decodeURIComponent(id)} />;
    case 'cameras':
      return <CamerasPage />;
    case 'live':
      return <LivePage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <p>There is no page “{route}”. Pick one above.</p>;
  }
}

/**
 * After choosing a page, focus moves to its heading (as a screen-reader user expects of
 * a new page) instead of staying on the nav link; the first page load leaves focus alone.
 */
function useFocusHeadingOnNavigate(route: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading !== null && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    (heading ?? document.getElementById('main'))?.focus();
  }, [route]);
}

function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
