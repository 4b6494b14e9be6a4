import { useState, type FormEvent } from 'react';

import { ApiClient, describeError } from '../api/client';
import type { SignedIn } from '../api/types';

const MODE_STORAGE = 'rollcall.signInMode';

interface Props {
  readonly error: string | undefined;
  /** A bearer token to use: an API key, or the session a password sign-in made. */
  readonly onToken: (token: string) => void;
}

/**
 * Sign in with a user account (`pnpm rollcall users create <name>`) or an API key
 * (`pnpm rollcall keys create <name>`); either can be an admin or a viewer.
 */
export function SignIn({ error, onToken }: Props) {
  // Kept for the tab, so a refused key comes back to the key form.
  const [mode, setModeState] = useState(() =>
    sessionStorage.getItem(MODE_STORAGE) === 'key' ? 'key' : 'account',
  );
  const setMode = (next: 'account' | 'key') => {
    sessionStorage.setItem(MODE_STORAGE, next);
    setModeState(next);
  };
  return (
    <main className="signin">
      <h1>Rollcall</h1>
      <div role="group" aria-label="Sign in with" className="tabs">
        <button type="button" aria-pressed={mode === 'account'} onClick={() => setMode('account')}>
          Username and password
        </button>
        <button type="button" aria-pressed={mode === 'key'} onClick={() => setMode('key')}>
          API key
        </button>
      </div>
      {mode === 'account' ? (
        <AccountForm error={error} onToken={onToken} />
      ) : (
        <KeyForm error={error} onToken={onToken} />
      )}
    </main>
  );
}

function AccountForm({ error, onToken }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(undefined);
    try {
      const body = { username: username.trim(), password };
      const signed = await new ApiClient(null).json<SignedIn>('POST', '/v1/sessions', body);
      onToken(signed.token);
    } catch (e) {
      setRefusal(describeError(e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-describedby="account-help">
      <label htmlFor="username">Username</label>
      <input
        id="username"
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
      />
      <label htmlFor="password">Password</label>
      <input
        id="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <p id="account-help" className="help">
        An administrator makes accounts with <code>pnpm rollcall users create NAME</code>.
      </p>
      <Refusal text={refusal ?? error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

function KeyForm({ error, onToken }: Props) {
  const [key, setKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() !== '') onToken(key.trim());
  };

  return (
    <form onSubmit={submit} aria-describedby="signin-help">
      <label htmlFor="api-key">API key</label>
      <input
        id="api-key"
        type="password"
        autoComplete="current-password"
        value={key}
        onChange={(e) => setKey(e.target.value)}
        required
      />
      <p id="signin-help" className="help">
        Create a key on the server with <code>pnpm rollcall keys create console</code>.
      </p>
      <Refusal text={error} />
      <button type="submit">Sign in</button>
    </form>
  );
}

function Refusal({ text }: { text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
