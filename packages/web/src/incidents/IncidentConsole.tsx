import { Route, Switch } from 'wouter';
import { IncidentPage } from './IncidentPage.js';
import { IncidentsPage } from './IncidentsPage.js';
import { NewIncidentPage } from './NewIncidentPage.js';
import { INCIDENT_PATH, NEW_INCIDENT_PATH, NEW_MAINTENANCE_PATH } from './paths.js';

/** The incident console's pages (under `/console/incidents`, staff only): the list, the new forms, one incident. */
export function IncidentConsole() {
  return (
    <Switch>
      <Route path={NEW_INCIDENT_PATH}>{() => <NewIncidentPage kind="incident" />}</Route>
      <Route path={NEW_MAINTENANCE_PATH}>{() => <NewIncidentPage kind="maintenance" />}</Route>
      <Route path={INCIDENT_PATH}>{(params) => <IncidentPage id={params.id} />}</Route>
      <Route component={IncidentsPage} />
    </Switch>
  );
}
