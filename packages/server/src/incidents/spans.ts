/**
 * Component status as spans: each source of status (one incident, or "set by hand" when incident_id is
 * null) has at most one open span per component. Setting a source's status ends its open span and
 * opens a new one (operational opens none); the component's status is the worst open span.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { worstStatus } from './status-timeline.js';
import type { AffectedComponent, ComponentStatus, SpanStatus } from './tables.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

/** Each component's status now (the worst of its open spans); components without one are operational. */
export async function currentStatuses(db: Db, componentIds: readonly string[]): Promise<Map<string, ComponentStatus>> {
  const statuses = new Map<string, ComponentStatus>(componentIds.map((id) => [id, 'operational']));
  if (componentIds.length === 0) return statuses;
  const open = await db
    .selectFrom('status_component_spans')
    .select(['component_id', 'status'])
    .where('component_id', '=', anyOf(componentIds, 'uuid'))
    .where('ended_at', 'is', null)
    .execute();
  for (const span of open) statuses.set(span.component_id, worstStatus([statuses.get(span.component_id) ?? 'operational', span.status]));
  return statuses;
}

/** The status each component has from one source (an incident, or null: by hand): its open span's, else operational. */
export async function sourceStatuses(db: Db, incidentId: string | null, componentIds: readonly string[]): Promise<Map<string, ComponentStatus>> {
  const statuses = new Map<string, ComponentStatus>(componentIds.map((id) => [id, 'operational']));
  if (componentIds.length === 0) return statuses;
  let query = db.selectFrom('status_component_spans').select(['component_id', 'status']).where('component_id', '=', anyOf(componentIds, 'uuid')).where('ended_at', 'is', null);
  query = incidentId === null ? query.where('incident_id', 'is', null) : query.where('incident_id', '=', incidentId);
  for (const span of await query.execute()) statuses.set(span.component_id, span.status);
  return statuses;
}

export interface StatusChange {
  componentId: string;
  status: ComponentStatus;
}

/**
 * Sets what one source says of some components from `at` on, and answers the components whose
 * status (the worst of all sources) changed, in Statuspage's shape. `names` gives each component's name.
 */
export async function setSourceStatus(
  db: Db,
  incidentId: string | null,
  changes: readonly StatusChange[],
  at: Date,
  names: ReadonlyMap<string, string>,
): Promise<AffectedComponent[]> {
  if (changes.length === 0) return [];
  const ids = [...new Set(changes.map((c) => c.componentId))];
  const before = await currentStatuses(db, ids);
  const own = await sourceStatuses(db, incidentId, ids);
  for (const change of changes) {
    if (own.get(change.componentId) === change.status) continue;
    let end = db.updateTable('status_component_spans').set({ ended_at: at }).where('component_id', '=', change.componentId).where('ended_at', 'is', null);
    end = incidentId === null ? end.where('incident_id', 'is', null) : end.where('incident_id', '=', incidentId);
    await end.execute();
    if (change.status !== 'operational') {
      await db
        .insertInto('status_component_spans')
        .values({ component_id: change.componentId, incident_id: incidentId, status: change.status as SpanStatus, started_at: at, ended_at: null })
        .execute();
    }
    own.set(change.componentId, change.status);
  }
  const after = await currentStatuses(db, ids);
  return ids
    .filter((id) => before.get(id) !== after.get(id))
    .map((id) => ({ code: id, name: names.get(id) ?? id, old_status: before.get(id) ?? 'operational', new_status: after.get(id) ?? 'operational' }));
}

/** Ends every open span of an incident at `at` (it is resolved or completed); answers what changed. */
export async function endIncidentSpans(db: Db, incidentId: string, at: Date, names: ReadonlyMap<string, string>): Promise<AffectedComponent[]> {
  const open = await db.selectFrom('status_component_spans').select('component_id').where('incident_id', '=', incidentId).where('ended_at', 'is', null).execute();
  return setSourceStatus(
    db,
    incidentId,
    open.map((s) => ({ componentId: s.component_id, status: 'operational' as const })),
    at,
    names,
  );
}
