/** The addresses of the incident console's pages. */
export const INCIDENTS_PATH = '/console/incidents';
export const NEW_INCIDENT_PATH = '/console/incidents/new';
export const NEW_MAINTENANCE_PATH = '/console/incidents/new-maintenance';
export const INCIDENT_PATH = '/console/incidents/:id';
/** Every page of the console under `/console/incidents` (one route in the console's table). */
export const INCIDENT_PAGES = '/console/incidents/*?';

export const incidentPath = (id: string) => `/console/incidents/${id}`;
export const consoleTicketPath = (id: string) => `/console/tickets/${id}`;
