/**
 * The tables of components, incidents and their spans of status (migration 011): defined in
 * db/incident-tables.ts, beside the desk's other tables, so that db/ depends on no feature.
 */
export * from '../db/incident-tables.js';
