/**
 * The snapshot in Atlassian Statuspage's public JSON (`/api/v2/*.json`), field for field, so status
 * aggregators and chat or monitoring integrations read it unchanged. Component groups appear as
 * components with `group: true` and the ids of their `components`, as Statuspage lists them.
 */
import { INDICATOR_DESCRIPTIONS, isActiveMaintenance, isUnresolvedIncident, isUpcomingMaintenance, overallIndicator } from './overall.js';
import type { SnapshotComponent, SnapshotIncident, StatusSnapshot } from './snapshot.js';

export interface PageJson {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface ComponentJson {
  id: string;
  name: string;
  status: string;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  components?: string[];
}

/** Incidents at most in incidents.json, as Statuspage (its 50 most recent). */
const RECENT_INCIDENTS = 50;

export interface StatuspageDocuments {
  'summary.json': unknown;
  'status.json': unknown;
  'components.json': unknown;
  'incidents.json': unknown;
  'incidents/unresolved.json': unknown;
  'scheduled-maintenances.json': unknown;
  'scheduled-maintenances/upcoming.json': unknown;
  'scheduled-maintenances/active.json': unknown;
}

export const STATUSPAGE_DOCUMENTS = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
] as const satisfies readonly (keyof StatuspageDocuments)[];

/** Every document, from one snapshot. `baseUrl`: the desk's public address, without a trailing slash. */
export function statuspageDocuments(snapshot: StatusSnapshot, baseUrl: string, now: number): StatuspageDocuments {
  const pageId = snapshot.provider.id;
  const page: PageJson = { id: pageId, name: snapshot.provider.name, url: `${baseUrl}/status`, time_zone: 'Etc/UTC', updated_at: snapshot.taken_at };
  const worst = overallIndicator(snapshot, now);
  const status = { indicator: worst, description: INDICATOR_DESCRIPTIONS[worst] };
  const components = componentsJson(snapshot, pageId);
  const byId = new Map(components.map((c) => [c.id, c]));
  const incidentJson = (incident: SnapshotIncident) => incidentToJson(incident, pageId, baseUrl, byId);
  const incidents = snapshot.incidents.filter((i) => i.kind === 'incident');
  const unresolved = incidents.filter(isUnresolvedIncident).map(incidentJson);
  const maintenances = snapshot.incidents.filter((i) => i.kind === 'maintenance');
  const upcoming = maintenances.filter((m) => isUpcomingMaintenance(m, now)).map(incidentJson);
  const active = maintenances.filter((m) => isActiveMaintenance(m, now)).map(incidentJson);
  return {
    'summary.json': { page, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming], status },
    'status.json': { page, status },
    'components.json': { page, components },
    'incidents.json': { page, incidents: incidents.slice(0, RECENT_INCIDENTS).map(incidentJson) },
    'incidents/unresolved.json': { page, incidents: unresolved },
    'scheduled-maintenances.json': { page, scheduled_maintenances: maintenances.slice(0, RECENT_INCIDENTS).map(incidentJson) },
    'scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: upcoming },
    'scheduled-maintenances/active.json': { page, scheduled_maintenances: active },
  };
}

function componentsJson(snapshot: StatusSnapshot, pageId: string): ComponentJson[] {
  const out: ComponentJson[] = [];
  const children = new Map<string, SnapshotComponent[]>();
  for (const c of snapshot.components) if (c.group_id !== null) (children.get(c.group_id) ?? children.set(c.group_id, []).get(c.group_id)!).push(c);
  for (const group of snapshot.groups) {
    const members = children.get(group.id) ?? [];
    out.push({
      id: group.id,
      name: group.name,
      status: worstOf(members),
      created_at: group.created_at,
      updated_at: group.updated_at,
      position: group.position,
      description: group.description,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((m) => m.id),
    });
  }
  for (const c of snapshot.components) {
    out.push({
      id: c.id,
      name: c.name,
      status: c.status,
      created_at: c.created_at,
      updated_at: c.updated_at,
      position: c.position,
      description: c.description,
      showcase: c.showcase,
      start_date: c.start_date,
      group_id: c.group_id !== null && snapshot.groups.some((g) => g.id === c.group_id) ? c.group_id : null,
      page_id: pageId,
      group: false,
      only_show_if_degraded: c.only_show_if_degraded,
    });
  }
  return out;
}

const STATUS_RANK: Record<string, number> = { operational: 0, degraded_performance: 1, under_maintenance: 2, partial_outage: 3, major_outage: 4 };

function worstOf(members: readonly SnapshotComponent[]): string {
  let worst = 'operational';
  for (const m of members) if (STATUS_RANK[m.status]! > STATUS_RANK[worst]!) worst = m.status;
  return worst;
}

function incidentToJson(incident: SnapshotIncident, pageId: string, baseUrl: string, components: Map<string, ComponentJson>) {
  const base = {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    created_at: incident.created_at,
    updated_at: incident.updated_at,
    monitoring_at: incident.monitoring_at,
    resolved_at: incident.resolved_at,
    impact: incident.impact,
    shortlink: `${baseUrl}/status/incidents/${incident.id}`,
    started_at: incident.started_at,
    page_id: pageId,
    incident_updates: incident.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: incident.id,
      created_at: u.created_at,
      updated_at: u.updated_at,
      display_at: u.display_at,
      affected_components: u.affected_components.length > 0 ? u.affected_components : null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: incident.component_ids.map((id) => components.get(id)).filter((c): c is ComponentJson => c !== undefined),
  };
  return incident.kind === 'maintenance' ? { ...base, scheduled_for: incident.scheduled_for, scheduled_until: incident.scheduled_until } : base;
}
