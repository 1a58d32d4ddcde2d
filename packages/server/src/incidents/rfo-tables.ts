/** The tables of RFOs on tickets (migration 014): defined in db/incident-tables.ts. */
export type { IncidentRfoRelaysTable, IncidentRfoRequestsTable, RfoTables } from '../db/incident-tables.js';
