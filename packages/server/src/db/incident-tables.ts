/**
 * The tables of components, incidents and their spans of status (migration 011), and of RFOs on
 * tickets (migration 014). They live with the other table types in db/ so that db/schema.ts imports no
 * feature folder (the incidents code imports them through incidents/tables.ts).
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './schema.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Touched = ColumnType<Date, Date | string | undefined, Date | string>;

export const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
/** The statuses a span records (operational is the absence of a span). */
export type SpanStatus = Exclude<ComponentStatus, 'operational'>;
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number] | (typeof MAINTENANCE_STATUSES)[number];
export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];
export type IncidentKind = 'incident' | 'maintenance';

export interface StatusComponentGroupsTable {
  id: Generated<string>;
  provider_id: string;
  name: string;
  description: string | null;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: Touched;
}

export interface StatusComponentsTable {
  id: Generated<string>;
  provider_id: string;
  /** A stable slug, e.g. `mail-send`: what packs (availability packages) and URLs name. */
  key: string;
  name: string;
  description: string | null;
  group_id: string | null;
  position: Generated<number>;
  showcase: Generated<boolean>;
  only_show_if_degraded: Generated<boolean>;
  /** The first day the component counts (uptime bars and availability start here); null: since it was created. */
  start_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** The ticket products (intake form ids) this component serves: the portal warns on these. */
  products: ColumnType<string[], string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Touched;
}

export interface IncidentsTable {
  id: Generated<string>;
  provider_id: string;
  kind: IncidentKind;
  name: string;
  status: IncidentStatus;
  impact: Generated<IncidentImpact>;
  /** Opened by monitoring and not yet published by a person: not on the public page. */
  draft: Generated<boolean>;
  source: Generated<'manual' | 'alertmanager'>;
  alert_fingerprint: string | null;
  scheduled_for: Timestamp | null;
  scheduled_until: Timestamp | null;
  started_at: Timestamp;
  monitoring_at: Timestamp | null;
  resolved_at: Timestamp | null;
  rfo_markdown: string | null;
  rfo_published_at: Timestamp | null;
  /** Who published the RFO (migration 014). */
  rfo_published_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Touched;
}

export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface IncidentUpdatesTable {
  id: Generated<string>;
  incident_id: string;
  status: IncidentStatus;
  body: string;
  affected_components: Json<AffectedComponent[]>;
  author_id: string | null;
  display_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Touched;
}

export interface IncidentComponentsTable {
  incident_id: string;
  component_id: string;
}

export interface StatusComponentSpansTable {
  id: Generated<number>;
  component_id: string;
  /** The incident or maintenance that set it; null: set by hand. */
  incident_id: string | null;
  status: SpanStatus;
  started_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface AccountComponentsTable {
  account_id: string;
  component_id: string;
}

export interface IncidentTicketsTable {
  incident_id: string;
  ticket_id: string;
  linked_by: string | null;
  linked_at: CreatedAt;
}

export interface IncidentTables {
  status_component_groups: StatusComponentGroupsTable;
  status_components: StatusComponentsTable;
  incidents: IncidentsTable;
  incident_updates: IncidentUpdatesTable;
  incident_components: IncidentComponentsTable;
  status_component_spans: StatusComponentSpansTable;
  account_components: AccountComponentsTable;
  incident_tickets: IncidentTicketsTable;
}

export type StatusComponent = Selectable<StatusComponentsTable>;
export type Incident = Selectable<IncidentsTable>;
export type IncidentUpdate = Selectable<IncidentUpdatesTable>;
export type StatusSpan = Selectable<StatusComponentSpansTable>;

/** RFOs on tickets (migration 014): which tickets an incident's RFO was relayed to, and the tickets that asked for it before it was published. */
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
