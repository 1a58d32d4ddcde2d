import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation } from 'wouter';
import type { User } from '../api/types.js';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.js';

/**
 * The frame of every signed-in page: skip link, the main navigation of the person's role, the
 * language switcher, who is signed in.
 */
export function Shell({ user, onSignOut, children }: { user: User; onSignOut: () => void; children: ReactNode }) {
  const intl = useIntl();
  const say = (id: string) => intl.formatMessage({ id });
  const links =
    user.role === 'customer'
      ? [
          { to: '/portal', label: say('app.shell.myTickets') },
          { to: '/portal/new', label: say('app.shell.newTicket') },
          { to: '/portal/status-updates', label: say('statusSubscriptions.nav.link') },
          { to: '/portal/availability', label: say('availability.nav.portal') },
        ]
      : [
          { to: '/console', label: say('app.shell.queue') },
          { to: '/console/suspended-mail', label: say('app.shell.suspendedMail') },
          { to: '/console/incidents', label: say('incidents.nav.link') },
          { to: '/console/availability', label: say('availability.nav.staff') },
          ...(user.role === 'admin' || user.role === 'manager' ? [{ to: '/admin', label: say('app.shell.admin') }] : []),
        ];
  const [path] = useLocation();
  const current = path.replace(/\/+$/, '') || '/';
  return (
    <>
      <a className="skip-link" href="#main">
        {say('app.shell.skipToContent')}
      </a>
      <header className="top">
        <span className="brand" aria-hidden="true">
          {say('app.shell.brand')}
        </span>
        <nav aria-label={say('app.shell.mainNavigation')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} aria-current={current === link.to ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher signedIn />
        <div className="who">
          <span>
            {user.name} <span className="muted">({intl.formatMessage({ id: 'app.shell.role' }, { role: user.role })})</span>
          </span>
          <button type="button" className="link-button" onClick={onSignOut}>
            {say('app.shell.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
