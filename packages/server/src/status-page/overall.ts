/**
 * What the page says at the top, in Statuspage's terms: an indicator (none, minor, major, critical,
 * maintenance) from the published unresolved incidents' impact and the components' statuses, and which
 * maintenance is upcoming or under way.
 */
import type { ComponentStatus, IncidentImpact } from '../incidents/tables.js';
import type { SnapshotIncident, StatusSnapshot } from './snapshot.js';

export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

const RANK: Record<Exclude<Indicator, 'maintenance'>, number> = { none: 0, minor: 1, major: 2, critical: 3 };
/** A component's status as an indicator: degraded → minor, partial outage → major, major outage → critical. */
const OF_COMPONENT: Record<ComponentStatus, Exclude<Indicator, 'maintenance'>> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** Statuspage's own descriptions of the indicator (the JSON is in English, as Statuspage's is). */
export const INDICATOR_DESCRIPTIONS: Record<Indicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
};

export function isUnresolvedIncident(incident: SnapshotIncident): boolean {
  return incident.kind === 'incident' && incident.resolved_at === null && incident.status !== 'resolved';
}

/** Under way at `now`: in progress or verifying, or scheduled and inside its window. */
export function isActiveMaintenance(incident: SnapshotIncident, now: number): boolean {
  if (incident.kind !== 'maintenance' || incident.resolved_at !== null) return false;
  if (incident.status === 'in_progress' || incident.status === 'verifying') return true;
  if (incident.status !== 'scheduled' || incident.scheduled_for === null) return false;
  return Date.parse(incident.scheduled_for) <= now && (incident.scheduled_until === null || Date.parse(incident.scheduled_until) > now);
}

/** Announced and not yet begun at `now`. */
export function isUpcomingMaintenance(incident: SnapshotIncident, now: number): boolean {
  return incident.kind === 'maintenance' && incident.resolved_at === null && incident.status === 'scheduled' && (incident.scheduled_for === null || Date.parse(incident.scheduled_for) > now);
}

export function overallIndicator(snapshot: StatusSnapshot, now: number): Indicator {
  let worst: Exclude<Indicator, 'maintenance'> = 'none';
  const raise = (level: Exclude<Indicator, 'maintenance'>) => {
    if (RANK[level] > RANK[worst]) worst = level;
  };
  for (const incident of snapshot.incidents) {
    if (isUnresolvedIncident(incident) && incident.impact !== 'maintenance') raise(incident.impact as Exclude<IncidentImpact, 'maintenance'>);
  }
  for (const component of snapshot.components) raise(OF_COMPONENT[component.status]);
  if (worst !== 'none') return worst;
  const maintaining = snapshot.components.some((c) => c.status === 'under_maintenance') || snapshot.incidents.some((i) => isActiveMaintenance(i, now));
  return maintaining ? 'maintenance' : 'none';
}
