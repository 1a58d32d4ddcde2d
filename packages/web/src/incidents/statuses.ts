/** The statuses and impacts of components, incidents and maintenance, in the order people pick them. */
import type { ComponentStatus, IncidentKind } from './types.js';

export const COMPONENT_STATUSES: readonly ComponentStatus[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;

/** The statuses an incident or a maintenance moves through. */
export function statusesOf(kind: IncidentKind): readonly string[] {
  return kind === 'maintenance' ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
}

/** The status that ends an incident or a maintenance. */
export function finalStatusOf(kind: IncidentKind): string {
  return kind === 'maintenance' ? 'completed' : 'resolved';
}

/** A component's status while an incident or a maintenance begins, unless the person chooses another. */
export function defaultComponentStatus(kind: IncidentKind): ComponentStatus {
  return kind === 'maintenance' ? 'under_maintenance' : 'partial_outage';
}

/** Whether an incident or a maintenance is over. */
export function isFinished(incident: { kind: IncidentKind; status: string; resolved_at: string | null }): boolean {
  return incident.resolved_at !== null || incident.status === finalStatusOf(incident.kind);
}

/** Components chosen for a change, each with its new status. */
export type ComponentChoice = ReadonlyMap<string, ComponentStatus>;

/** The choice as the API takes it: `[{id, status}]`, in the order of the components shown. */
export function choiceBody(components: readonly { id: string }[], value: ComponentChoice): { id: string; status: ComponentStatus }[] {
  return components.flatMap((c) => {
    const status = value.get(c.id);
    return status === undefined ? [] : [{ id: c.id, status }];
  });
}
