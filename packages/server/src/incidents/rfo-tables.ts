/**
 * The tables of RFOs on tickets (migration 014): which tickets an incident's RFO was relayed to, and
 * the tickets that asked for it before it was published.
 */
import type { Timestamp } from '../db/schema.js';

export interface IncidentRfoRelaysTable {
  incident_id: string;
  ticket_id: string;
  /** The public reply that carried it. */
  comment_id: string | null;
  relayed_at: Timestamp;
}

export interface IncidentRfoRequestsTable {
  incident_id: string;
  ticket_id: string;
  requested_by: string | null;
  requested_at: Timestamp;
  /** When the RFO was sent on the ticket; null: still waiting for publication. */
  answered_at: Timestamp | null;
}

export interface RfoTables {
  incident_rfo_relays: IncidentRfoRelaysTable;
  incident_rfo_requests: IncidentRfoRequestsTable;
}
