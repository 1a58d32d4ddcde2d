import { Route, Switch } from 'wouter';
import { COMPONENTS_AVAILABILITY_PATH, ComponentsAvailabilityPage } from '../availability/ComponentsAvailabilityPage.js';
import { IncidentConsole } from '../incidents/IncidentConsole.js';
import { INCIDENT_PAGES } from '../incidents/paths.js';
import { SuspendedMailPage } from '../mail-review/SuspendedMailPage.js';
import { CONSOLE_TICKET } from '../routes.js';
import { QueuePage } from '../tickets/QueuePage.js';
import { WorkspacePage } from '../tickets/WorkspacePage.js';

/** The agent console: the queue ordered by time to breach, the ticket workspace, suspended mail, incidents, and availability per component and month. */
export default function ConsoleRoutes() {
  return (
    <Switch>
      <Route path={CONSOLE_TICKET}>{(params) => <WorkspacePage id={params.id} />}</Route>
      <Route path="/console/suspended-mail" component={SuspendedMailPage} />
      <Route path={COMPONENTS_AVAILABILITY_PATH} component={ComponentsAvailabilityPage} />
      <Route path={INCIDENT_PAGES} component={IncidentConsole} />
      <Route component={QueuePage} />
    </Switch>
  );
}
