import { matchPath, useLocation } from '../router.js';
import { QueuePage } from './QueuePage.js';
import { WorkspacePage } from './WorkspacePage.js';

/** The agent console: the queue ordered by time to breach, and the ticket workspace. */
export default function ConsoleApp() {
  const { path } = useLocation();
  const ticket = matchPath('/console/tickets/:id', path);
  if (ticket) return <WorkspacePage id={ticket.id!} />;
  return <QueuePage />;
}
