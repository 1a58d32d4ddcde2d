import { Link, useLocation } from 'wouter';
import { useSession } from '../session/session.js';
import { usePageTitle } from '../shared/hooks.js';
import { AccountsSection } from '../accounts/Accounts.js';
import { AgentsSection } from '../people/Agents.js';
import { CalendarArea, PolicyArea } from '../policy/PolicyArea.js';
import { WebhooksSection } from '../webhooks/Webhooks.js';

const SECTIONS = [
  { path: '/admin', label: 'Accounts', title: 'Admin', adminOnly: false },
  { path: '/admin/agents', label: 'Agents', title: 'Agents', adminOnly: false },
  { path: '/admin/policies', label: 'Policy packs', title: 'Policy packs', adminOnly: false },
  { path: '/admin/calendars', label: 'Calendars', title: 'Calendars', adminOnly: false },
  { path: '/admin/webhooks', label: 'Webhooks', title: 'Webhooks', adminOnly: true },
] as const;

/** Admin: customer accounts; agents with their schedules and presence; policy packs (view, check a file); calendars; webhooks. */
export default function AdminRoutes() {
  const [location] = useLocation();
  const path = location.replace(/\/+$/, '') || '/';
  const { user } = useSession();
  const sections = SECTIONS.filter((s) => !s.adminOnly || user.role === 'admin');
  const section = sections.find((s) => s.path === path);
  const heading = usePageTitle(section?.title ?? 'Page not found');
  if (!section) {
    return (
      <div className="page">
        <h1 ref={heading} tabIndex={-1}>
          Page not found
        </h1>
        <p>
          There is no admin page at this address. <Link to="/admin">Go to the admin overview</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="page wide">
      <h1 ref={heading} tabIndex={-1}>
        {section.title}
      </h1>
      <nav className="admin-nav" aria-label="Admin sections">
        <ul>
          {sections.map((s) => (
            <li key={s.path}>
              <Link to={s.path} aria-current={s.path === path ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section.path === '/admin' && <AccountsSection />}
      {section.path === '/admin/agents' && <AgentsSection />}
      {section.path === '/admin/webhooks' && <WebhooksSection />}
      {section.path === '/admin/policies' && <PolicyArea />}
      {section.path === '/admin/calendars' && <CalendarArea />}
    </div>
  );
}
