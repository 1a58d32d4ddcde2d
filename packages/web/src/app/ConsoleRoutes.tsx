import { matchPath, useLocation } from '../router.js';
import { CONSOLE_TICKET } from '../routes.js';
import { QueuePage } from '../tickets/QueuePage.js';
import { SuspendedMailPage } from '../mail-review/SuspendedMailPage.js';
import { WorkspacePage } from '../tickets/WorkspacePage.js';

/** The agent console: the queue ordered by time to breach, the ticket workspace, and suspended mail. */
export default function ConsoleApp() {
  const { path } = useLocation();
  const ticket = matchPath(CONSOLE_TICKET, path);
  if (ticket) return <WorkspacePage id={ticket.id!} />;
  if (path === '/console/suspended-mail') return <SuspendedMailPage />;
  return <QueuePage />;
}
