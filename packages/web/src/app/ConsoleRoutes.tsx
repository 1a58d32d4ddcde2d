import { Route, Switch } from 'wouter';
import { SuspendedMailPage } from '../mail-review/SuspendedMailPage.js';
import { CONSOLE_TICKET } from '../routes.js';
import { QueuePage } from '../tickets/QueuePage.js';
import { WorkspacePage } from '../tickets/WorkspacePage.js';

/** The agent console: the queue ordered by time to breach, the ticket workspace, and suspended mail. */
export default function ConsoleRoutes() {
  return (
    <Switch>
      <Route path={CONSOLE_TICKET}>{(params) => <WorkspacePage id={params.id} />}</Route>
      <Route path="/console/suspended-mail" component={SuspendedMailPage} />
      <Route component={QueuePage} />
    </Switch>
  );
}
