import { useState, type FormEvent } from 'react';

interface Props {
  readonly error: string | undefined;
  readonly onKey: (key: string) => void;
}

/** Sign in with an API key (`pnpm rollcall keys create <name>` prints one). */
export function SignIn({ error, onKey }: Props) {
  const [key, setKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() !== '') onKey(key.trim());
  };

  return (
    <main className="signin">
      <h1>Rollcall</h1>
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
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
