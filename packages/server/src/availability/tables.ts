/**
 * The tables of availability and service credits (migration 012): defined in
 * db/availability-tables.ts, beside the desk's other tables, so that db/ depends on no feature.
 */
export * from '../db/availability-tables.js';
