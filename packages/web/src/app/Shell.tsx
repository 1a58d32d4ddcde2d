import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { User } from '../api/types.js';

/** The frame of every signed-in page: skip link, the main navigation of the person's role, who is signed in. */
export function Shell({ user, onSignOut, children }: { user: User; onSignOut: () => void; children: ReactNode }) {
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
  const [path] = useLocation();
  const current = path.replace(/\/+$/, '') || '/';
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
                <Link to={link.to} aria-current={current === link.to ? 'page' : undefined}>
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
