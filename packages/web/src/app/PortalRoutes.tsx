import { matchPath, useLocation } from '../router.js';
import { PORTAL_TICKET } from '../routes.js';
import { NewTicketPage } from '../tickets/NewTicketPage.js';
import { TicketListPage } from '../tickets/TicketListPage.js';
import { TicketPage } from '../tickets/TicketPage.js';

/** The customer portal: the account's tickets, a new ticket, one ticket. */
export default function PortalApp() {
  const { path } = useLocation();
  if (path === '/portal/new') return <NewTicketPage />;
  const ticket = matchPath(PORTAL_TICKET, path);
  if (ticket) return <TicketPage id={ticket.id!} />;
  return <TicketListPage />;
}
