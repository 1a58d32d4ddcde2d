import { lazy } from 'react';
import { Route, Switch } from 'wouter';
import { requireMessages } from '../i18n/start.js';
import { PORTAL_TICKET } from '../routes.js';
import { TicketListPage } from '../tickets/TicketListPage.js';

// The ticket list is the portal's first page; a ticket and the new ticket form (with the intake,
// conversation, attachments and escalation code) load when they are opened, with the texts of a
// ticket's pages (the `ticket` part of the catalogs, see i18n/parts.ts).
const NewTicketPage = lazy(() =>
  Promise.all([import('../tickets/NewTicketPage.js'), requireMessages('ticket')]).then(([module]) => ({ default: module.NewTicketPage })),
);
const TicketPage = lazy(() => Promise.all([import('../tickets/TicketPage.js'), requireMessages('ticket')]).then(([module]) => ({ default: module.TicketPage })));
// The account's availability and the status subscription are visited seldom: their code loads when
// opened, their texts are in the `common` part.
const PortalAvailabilityPage = lazy(() => import('../availability/PortalAvailabilityPage.js').then((module) => ({ default: module.PortalAvailabilityPage })));
const StatusSubscriptionPage = lazy(() => import('../status-subscriptions/StatusSubscriptionPage.js').then((module) => ({ default: module.StatusSubscriptionPage })));

/** The customer portal: the account's tickets, a new ticket, one ticket, the account's availability. */
export default function PortalRoutes() {
  return (
    <Switch>
      <Route path="/portal/new" component={NewTicketPage} />
      <Route path="/portal/status-updates" component={StatusSubscriptionPage} />
      <Route path="/portal/availability" component={PortalAvailabilityPage} />
      <Route path={PORTAL_TICKET}>{(params) => <TicketPage id={params.id} />}</Route>
      <Route component={TicketListPage} />
    </Switch>
  );
}
