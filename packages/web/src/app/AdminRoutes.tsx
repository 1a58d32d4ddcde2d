import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useSession } from '../session/session.js';
import { usePageTitle } from '../shared/hooks.js';
import { AccountsSection } from '../accounts/Accounts.js';
import { ACCOUNT_AVAILABILITY_PATH, AccountAvailabilityPage } from '../availability/AccountAvailabilityPage.js';
import { ComponentsSection } from '../incidents/ComponentsSection.js';
import { AgentsSection } from '../people/Agents.js';
import { CalendarArea, PolicyArea } from '../policy/PolicyArea.js';
import { WebhooksSection } from '../webhooks/Webhooks.js';

const SECTIONS = [
  { path: '/admin', label: 'app.admin.accounts', title: 'app.admin.overviewTitle', adminOnly: false },
  { path: '/admin/agents', label: 'app.admin.agents', title: 'app.admin.agents', adminOnly: false },
  { path: '/admin/policies', label: 'app.admin.policyPacks', title: 'app.admin.policyPacks', adminOnly: false },
  { path: '/admin/calendars', label: 'app.admin.calendars', title: 'app.admin.calendars', adminOnly: false },
  { path: '/admin/webhooks', label: 'app.admin.webhooks', title: 'app.admin.webhooks', adminOnly: true },
  { path: '/admin/components', label: 'incidents.admin.navLabel', title: 'incidents.admin.title', adminOnly: true },
] as const;

/** Admin: an account's attainment and credits on a page of its own; the sections otherwise. */
export default function AdminRoutes() {
  return (
    <Switch>
      <Route path={ACCOUNT_AVAILABILITY_PATH}>{(params) => <AccountAvailabilityPage id={params.id} />}</Route>
      <Route component={AdminSections} />
    </Switch>
  );
}

/** Admin: customer accounts; agents with their schedules and presence; policy packs (view, check a file); calendars; webhooks; status components. */
function AdminSections() {
  const [location] = useLocation();
  const path = location.replace(/\/+$/, '') || '/';
  const { user } = useSession();
  const intl = useIntl();
  const sections = SECTIONS.filter((s) => !s.adminOnly || user.role === 'admin');
  const section = sections.find((s) => s.path === path);
  const heading = usePageTitle(intl.formatMessage({ id: section?.title ?? 'app.notFound.title' }));
  if (!section) {
    return (
      <div className="page">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="app.notFound.title" />
        </h1>
        <p>
          <FormattedMessage id="app.admin.notFoundText" values={{ overview: (text) => <Link to="/admin">{text}</Link> }} />
        </p>
      </div>
    );
  }
  return (
    <div className="page wide">
      <h1 ref={heading} tabIndex={-1}>
        <FormattedMessage id={section.title} />
      </h1>
      <nav className="admin-nav" aria-label={intl.formatMessage({ id: 'app.admin.sections' })}>
        <ul>
          {sections.map((s) => (
            <li key={s.path}>
              <Link to={s.path} aria-current={s.path === path ? 'page' : undefined}>
                <FormattedMessage id={s.label} />
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
      {section.path === '/admin/components' && <ComponentsSection />}
    </div>
  );
}
