/**
 * What a notice tells, read from the database when it is delivered: the incident, the update that is
 * news, the components it concerns with their status now, and the page's overall status.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AffectedComponent, ComponentStatus, IncidentImpact, IncidentKind, IncidentStatus } from '../db/incident-tables.js';
import type { StatusSubscriber } from './tables.js';

export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export interface NoticeComponent {
  id: string;
  key: string;
  name: string;
  status: ComponentStatus;
}

export interface NoticeFacts {
  notice: { id: string; created_at: Date };
  subscriber: StatusSubscriber;
  provider: { id: string; name: string };
  incident: {
    id: string;
    kind: IncidentKind;
    name: string;
    status: IncidentStatus;
    impact: IncidentImpact;
    created_at: Date;
    updated_at: Date;
    started_at: Date;
    monitoring_at: Date | null;
    resolved_at: Date | null;
    scheduled_for: Date | null;
    scheduled_until: Date | null;
  };
  update: { id: string; status: IncidentStatus; body: string; display_at: Date; created_at: Date; updated_at: Date; affected_components: AffectedComponent[] };
  /** The incident's components, with their status now. */
  components: NoticeComponent[];
  page: { indicator: Indicator };
}

const COMPONENT_INDICATOR: Record<ComponentStatus, Exclude<Indicator, 'maintenance'>> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};
const INDICATOR_RANK = { none: 0, minor: 1, major: 2, critical: 3 } as const;

/** The page's indicator as Statuspage derives it: the worst of unresolved incidents' impact and components' statuses; maintenance when only that is under way. */
export function pageIndicator(componentStatuses: readonly ComponentStatus[], unresolvedImpacts: readonly IncidentImpact[]): Indicator {
  let worst: Exclude<Indicator, 'maintenance'> = 'none';
  const raise = (level: Exclude<Indicator, 'maintenance'>) => {
    if (INDICATOR_RANK[level] > INDICATOR_RANK[worst]) worst = level;
  };
  for (const impact of unresolvedImpacts) if (impact !== 'maintenance') raise(impact);
  for (const status of componentStatuses) raise(COMPONENT_INDICATOR[status]);
  if (worst !== 'none') return worst;
  return componentStatuses.includes('under_maintenance') ? 'maintenance' : 'none';
}

/** Statuspage's own words for the indicator (its JSON is in English). */
export const INDICATOR_DESCRIPTIONS: Record<Indicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
};

const WORST_OPEN_SPAN = sql<ComponentStatus>`coalesce((
  select s.status from status_component_spans s where s.component_id = c.id and s.ended_at is null
  order by case s.status when 'major_outage' then 4 when 'partial_outage' then 3 when 'under_maintenance' then 2 else 1 end desc limit 1
), 'operational')`;

/** The provider's page indicator now: its components' statuses and its published unresolved incidents. */
export async function providerIndicator(db: Kysely<Database>, providerId: string): Promise<Indicator> {
  const allStatuses = await db.selectFrom('status_components as c').select(WORST_OPEN_SPAN.as('status')).where('c.provider_id', '=', providerId).execute();
  const unresolved = await db
    .selectFrom('incidents')
    .select('impact')
    .where('provider_id', '=', providerId)
    .where('kind', '=', 'incident')
    .where('draft', '=', false)
    .where('resolved_at', 'is', null)
    .execute();
  return pageIndicator(allStatuses.map((s) => s.status), unresolved.map((i) => i.impact));
}

/** The facts of an incident's notice, or null when it (or what it is about) is gone. */
export async function noticeFacts(db: Kysely<Database>, noticeId: string): Promise<NoticeFacts | null> {
  const notice = await db.selectFrom('status_notices').selectAll().where('id', '=', noticeId).executeTakeFirst();
  if (!notice || notice.incident_id === null || notice.update_id === null) return null;
  const subscriber = await db.selectFrom('status_subscribers').selectAll().where('id', '=', notice.subscriber_id).executeTakeFirst();
  const incident = await db.selectFrom('incidents').selectAll().where('id', '=', notice.incident_id).executeTakeFirst();
  const update = await db.selectFrom('incident_updates').selectAll().where('id', '=', notice.update_id).executeTakeFirst();
  if (!subscriber || !incident || !update) return null;
  const provider = await db.selectFrom('providers').select(['id', 'name']).where('id', '=', incident.provider_id).executeTakeFirstOrThrow();
  const components = await db
    .selectFrom('incident_components as ic')
    .innerJoin('status_components as c', 'c.id', 'ic.component_id')
    .select(['c.id', 'c.key', 'c.name', WORST_OPEN_SPAN.as('status')])
    .where('ic.incident_id', '=', incident.id)
    .orderBy('c.position')
    .orderBy('c.name')
    .execute();
  const affected = Array.isArray(update.affected_components) ? update.affected_components : [];
  return {
    notice: { id: notice.id, created_at: notice.created_at },
    subscriber,
    provider,
    incident: {
      id: incident.id,
      kind: incident.kind,
      name: incident.name,
      status: incident.status,
      impact: incident.impact,
      created_at: incident.created_at,
      updated_at: incident.updated_at,
      started_at: incident.started_at,
      monitoring_at: incident.monitoring_at,
      resolved_at: incident.resolved_at,
      scheduled_for: incident.scheduled_for,
      scheduled_until: incident.scheduled_until,
    },
    update: { id: update.id, status: update.status, body: update.body, display_at: update.display_at, created_at: update.created_at, updated_at: update.updated_at, affected_components: affected },
    components: components.map((c) => ({ id: c.id, key: c.key, name: c.name, status: c.status })),
    page: { indicator: await providerIndicator(db, provider.id) },
  };
}
