import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { ApiError, messageOf, SIGNED_OUT_EVENT } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { User } from '../api/types.js';
import { useAdoptProfileLanguage } from '../i18n/LanguageProvider.js';
import { requireMessages } from '../i18n/start.js';
import { LoginPage } from '../session/LoginPage.js';
import { loginPathFor, safeReturnPath } from '../session/return-path.js';
import { type Session, SessionContext } from '../session/session.js';
import { ErrorNotice, Loading } from '../shared/feedback.js';
import { usePageTitle } from '../shared/hooks.js';
import { syncServerClock } from '../time/server-clock.js';
import { Shell } from './Shell.js';

const PortalRoutes = lazy(() => import('./PortalRoutes.js'));
// The staff areas bring the staff part of the catalogs with their code (the portal never loads it).
const ConsoleRoutes = lazy(() => Promise.all([import('./ConsoleRoutes.js'), requireMessages('ticket', 'staff')]).then(([module]) => module));
const AdminRoutes = lazy(() => Promise.all([import('./AdminRoutes.js'), requireMessages('staff')]).then(([module]) => module));

/** How often the service's clock is measured again. */
const CLOCK_SYNC_MS = 5 * 60_000;

type Me = { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; message: string } | { status: 'signed_in'; user: User };

export function homeOf(user: User): string {
  if (user.role === 'customer') return '/portal';
  if (user.role === 'admin') return '/admin';
  return '/console';
}

/** The page the `?next=` of the sign-in page names, when it is one of this desk's. */
const returnPath = (search: string) => safeReturnPath(new URLSearchParams(search).get('next'), window.location.origin);

export function App() {
  const [me, setMe] = useState<Me>({ status: 'loading' });
  const [path, navigate] = useLocation();
  const search = useSearch();
  const queryClient = useQueryClient();
  const intl = useIntl();
  const adoptLanguage = useAdoptProfileLanguage();

  const loadMe = useCallback(() => {
    // The service's clock is read with the session, so the first countdowns are already right; the
    // person's own language is loaded before their pages show.
    Promise.all([ok(http.GET('/api/v1/me')), syncServerClock()]).then(
      async ([user]) => {
        await adoptLanguage(user.locale);
        setMe({ status: 'signed_in', user });
      },
      (error: unknown) => setMe(error instanceof ApiError && error.status === 401 ? { status: 'anonymous' } : { status: 'error', message: messageOf(error) }),
    );
  }, [adoptLanguage]);
  useEffect(loadMe, [loadMe]);
  useEffect(() => {
    // A session that ended (expired, revoked) sends the person to sign in, and back here afterwards.
    const ended = () => {
      setMe({ status: 'anonymous' });
      queryClient.clear();
    };
    window.addEventListener(SIGNED_OUT_EVENT, ended);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, ended);
  }, [queryClient]);
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
      // Nothing read for this person stays for the next one.
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }, [navigate, queryClient]);

  const session = useMemo<Session | null>(
    () => (me.status === 'signed_in' ? { user: me.user, zone: me.user.zone || Intl.DateTimeFormat().resolvedOptions().timeZone, signOut } : null),
    [me, signOut],
  );

  if (me.status === 'loading') return <Loading label={intl.formatMessage({ id: 'app.root.loading' })} />;
  if (me.status === 'error') {
    return (
      <main id="main" className="page narrow">
        <h1>{intl.formatMessage({ id: 'app.root.title' })}</h1>
        <ErrorNotice message={me.message} onRetry={loadMe} />
      </main>
    );
  }
  if (me.status === 'anonymous' || !session) {
    if (path !== '/login') {
      // A page that needs a session: sign in first, then come back to it.
      return (
        <>
          <Redirect to={loginPathFor(`${window.location.pathname}${window.location.search}${window.location.hash}`)} replace />
          <Loading label={intl.formatMessage({ id: 'app.root.loadingSignIn' })} />
        </>
      );
    }
    return (
      <LoginPage
        onSignedIn={async (user) => {
          await adoptLanguage(user.locale);
          setMe({ status: 'signed_in', user });
          navigate(returnPath(search) ?? homeOf(user), { replace: true });
        }}
      />
    );
  }
  const user = session.user;
  const area = path.split('/')[1] ?? '';
  if (area === '' || area === 'login') {
    return (
      <>
        <Redirect to={(area === 'login' && returnPath(search)) || homeOf(user)} replace />
        <Loading label={intl.formatMessage({ id: 'app.root.loadingHome' })} />
      </>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell user={user} onSignOut={signOut}>
        <Suspense fallback={<Loading label={intl.formatMessage({ id: 'app.root.loadingPage' })} />}>{renderArea(area, user)}</Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}

function renderArea(area: string, user: User) {
  if (area === 'portal' && user.role === 'customer') return <PortalRoutes />;
  if (area === 'console' && user.role !== 'customer') return <ConsoleRoutes />;
  if (area === 'admin' && (user.role === 'admin' || user.role === 'manager')) return <AdminRoutes />;
  return <NotFound home={homeOf(user)} />;
}

/** An address that is no page of this person's: said in the tab's title and the heading. */
function NotFound({ home }: { home: string }) {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'app.notFound.title' }));
  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        <FormattedMessage id="app.notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="app.notFound.text" values={{ home: (text) => <Link to={home}>{text}</Link> }} />
      </p>
    </div>
  );
}
