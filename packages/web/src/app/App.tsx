import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, messageOf, SIGNED_OUT_EVENT } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { User } from '../api/types.js';
import { LoginPage } from '../session/LoginPage.js';
import { loginPathFor, safeReturnPath } from '../session/return-path.js';
import { syncServerClock } from '../time/server-clock.js';
import { type Session, SessionContext } from '../session/session.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorNotice, Loading } from '../shared/feedback.js';

const PortalApp = lazy(() => import('./PortalRoutes.js'));
const ConsoleApp = lazy(() => import('./ConsoleRoutes.js'));
const AdminApp = lazy(() => import('./AdminRoutes.js'));

/** How often the service's clock is measured again. */
const CLOCK_SYNC_MS = 5 * 60_000;

type Me = { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; message: string } | { status: 'signed_in'; user: User };

export function homeOf(user: User): string {
  if (user.role === 'customer') return '/portal';
  if (user.role === 'admin') return '/admin';
  return '/console';
}

export function App() {
  const [me, setMe] = useState<Me>({ status: 'loading' });
  const location = useLocation();

  const loadMe = useCallback(() => {
    // The service's clock is read with the session, so the first countdowns are already right.
    Promise.all([ok(http.GET('/api/v1/me')), syncServerClock()]).then(
      ([user]) => setMe({ status: 'signed_in', user }),
      (error: unknown) => setMe(error instanceof ApiError && error.status === 401 ? { status: 'anonymous' } : { status: 'error', message: messageOf(error) }),
    );
  }, []);
  useEffect(loadMe, [loadMe]);
  useEffect(() => {
    // A session that ended (expired, revoked) sends the person to sign in, and back here afterwards.
    const ended = () => setMe({ status: 'anonymous' });
    window.addEventListener(SIGNED_OUT_EVENT, ended);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, ended);
  }, []);
  useEffect(() => {
    // The demo clock can be moved; a clock drifts. Measure again now and then.
    const timer = window.setInterval(() => void syncServerClock(), CLOCK_SYNC_MS);
    return () => window.clearInterval(timer);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await ok(http.DELETE('/api/v1/session'));
    } finally {
      setMe({ status: 'anonymous' });
      navigate('/login', { replace: true });
    }
  }, []);

  const session = useMemo<Session | null>(
    () => (me.status === 'signed_in' ? { user: me.user, zone: me.user.zone || Intl.DateTimeFormat().resolvedOptions().timeZone, signOut } : null),
    [me, signOut],
  );

  if (me.status === 'loading') return <Loading what="Hourglass" />;
  if (me.status === 'error') {
    return (
      <main id="main" className="page narrow">
        <h1>Hourglass</h1>
        <ErrorNotice message={me.message} onRetry={loadMe} />
      </main>
    );
  }
  if (me.status === 'anonymous' || !session) {
    if (location.path !== '/login') {
      // A page that needs a session: sign in first, then come back to it.
      navigate(loginPathFor(`${window.location.pathname}${window.location.search}${window.location.hash}`), { replace: true });
      return <Loading what="the sign-in page" />;
    }
    return (
      <LoginPage
        onSignedIn={(user) => {
          setMe({ status: 'signed_in', user });
          navigate(safeReturnPath(location.query.get('next'), window.location.origin) ?? homeOf(user), { replace: true });
        }}
      />
    );
  }
  const user = session.user;
  const area = location.path.split('/')[1] ?? '';
  if (area === '' || area === 'login') {
    navigate((area === 'login' && safeReturnPath(location.query.get('next'), window.location.origin)) || homeOf(user), { replace: true });
    return <Loading what="your home page" />;
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell user={user} onSignOut={signOut}>
        <Suspense fallback={<Loading what="the page" />}>{renderArea(area, user)}</Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}

function renderArea(area: string, user: User) {
  if (area === 'portal' && user.role === 'customer') return <PortalApp />;
  if (area === 'console' && user.role !== 'customer') return <ConsoleApp />;
  if (area === 'admin' && (user.role === 'admin' || user.role === 'manager')) return <AdminApp />;
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address for you. <Link to={homeOf(user)}>Go to your home page</Link>.
      </p>
    </div>
  );
}

function Shell({ user, onSignOut, children }: { user: User; onSignOut: () => void; children: ReactNode }) {
  const links =
    user.role === 'customer'
      ? [
          { to: '/portal', label: 'My tickets' },
          { to: '/portal/new', label: 'New ticket' },
        ]
      : [
          { to: '/console', label: 'Queue' },
          { to: '/console/suspended-mail', label: 'Suspended mail' },
          ...(user.role === 'admin' || user.role === 'manager' ? [{ to: '/admin', label: 'Admin' }] : []),
        ];
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand" aria-hidden="true">
          Hourglass
        </span>
        <nav aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} aria-current={path === link.to ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {user.name} <span className="muted">({user.role})</span>
          </span>
          <button type="button" className="link-button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
