import { type FormEvent, useState } from 'react';
import { ApiError, messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { User } from '../api/types.js';
import { usePageTitle } from '../shared/hooks.js';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const heading = usePageTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (email.trim() === '' || password === '') {
      setError('Enter your email and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await ok(http.POST('/api/v1/session', { body: { email: email.trim(), password } }));
      onSignedIn(answer.user);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? 'The email or password is wrong. Check both and try again.' : messageOf(caught));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="page narrow login">
      <h1 ref={heading} tabIndex={-1}>
        Sign in to Hourglass
      </h1>
      <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input id="login-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {error && (
          <p id="login-error" className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
