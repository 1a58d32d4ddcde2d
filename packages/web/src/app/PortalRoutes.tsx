import { lazy } from 'react';
import { Route, Switch } from 'wouter';
import { PORTAL_TICKET } from '../routes.js';
import { TicketListPage } from '../tickets/TicketListPage.js';

// The ticket list is the portal's first page; a ticket and the new ticket form (with the intake,
// conversation, attachments and escalation code) load when they are opened.
const NewTicketPage = lazy(() => import('../tickets/NewTicketPage.js').then((module) => ({ default: module.NewTicketPage })));
const TicketPage = lazy(() => import('../tickets/TicketPage.js').then((module) => ({ default: module.TicketPage })));

/** The customer portal: the account's tickets, a new ticket, one ticket. */
export default function PortalRoutes() {
  return (
    <Switch>
      <Route path="/portal/new" component={NewTicketPage} />
      <Route path={PORTAL_TICKET}>{(params) => <TicketPage id={params.id} />}</Route>
      <Route component={TicketListPage} />
    </Switch>
  );
}
