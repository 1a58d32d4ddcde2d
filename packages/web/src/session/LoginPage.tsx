import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { User } from '../api/types.js';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.js';
import { usePageTitle } from '../shared/hooks.js';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: User) => void | Promise<void> }) {
  const intl = useIntl();
  const say = (id: string) => intl.formatMessage({ id });
  const heading = usePageTitle(say('session.login.pageTitle'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (email.trim() === '' || password === '') {
      setError(say('session.login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await ok(http.POST('/api/v1/session', { body: { email: email.trim(), password } }));
      await onSignedIn(answer.user);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? say('session.login.wrong') : messageOf(caught));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="page narrow login">
      <LanguageSwitcher signedIn={false} />
      <h1 ref={heading} tabIndex={-1}>
        {say('session.login.heading')}
      </h1>
      <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
        <div className="field">
          <label htmlFor="login-email">{say('session.login.email')}</label>
          <input id="login-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="login-password">{say('session.login.password')}</label>
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
          {busy ? say('session.login.submitting') : say('session.login.submit')}
        </button>
      </form>
    </main>
  );
}
