/**
 * The tables of status subscriptions (migration 013): defined in db/status-subscription-tables.ts,
 * beside the desk's other tables, so that db/ depends on no feature.
 */
export * from '../db/status-subscription-tables.js';
