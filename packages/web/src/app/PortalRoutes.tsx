import { Route, Switch } from 'wouter';
import { PORTAL_TICKET } from '../routes.js';
import { NewTicketPage } from '../tickets/NewTicketPage.js';
import { TicketListPage } from '../tickets/TicketListPage.js';
import { TicketPage } from '../tickets/TicketPage.js';

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
