/**
 * Incidents and maintenance as the console reads them: the record, its affected components with the
 * status it sets on each, its updates (newest first), its RFO and how many tickets are linked.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { iso, isoOrNull } from '../http/common-schemas.js';
import { incidentNotFound, requireStaff } from './errors.js';
import { renderRfo } from './rfo-render.js';
import type { IncidentJson, ListIncidentsFilter } from './schemas.js';
import type { AffectedComponent, Incident } from './tables.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

/** Where an incident's public page is: under the desk's public URL when one is configured. */
export function incidentPublicUrl(publicUrl: string | undefined, id: string): string {
  return `${(publicUrl ?? '').replace(/\/+$/, '')}/status/incidents/${id}`;
}

export async function findIncident(db: Db, providerId: string, id: string, lock = false): Promise<Incident> {
  const query = db.selectFrom('incidents').selectAll().where('id', '=', id).where('provider_id', '=', providerId);
  const incident = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!incident) throw incidentNotFound();
  return incident;
}

export async function getIncident(db: Db, actor: Actor, id: string, publicUrl?: string): Promise<IncidentJson> {
  requireStaff(actor);
  const incident = await findIncident(db, actor.providerId, id);
  return (await presentIncidents(db, [incident], publicUrl))[0]!;
}

export async function listIncidents(db: Db, actor: Actor, filter: ListIncidentsFilter, publicUrl?: string): Promise<{ items: IncidentJson[] }> {
  requireStaff(actor);
  let query = db.selectFrom('incidents').selectAll().where('provider_id', '=', actor.providerId);
  if (filter.state === 'unresolved') query = query.where('resolved_at', 'is', null);
  if (filter.state === 'resolved') query = query.where('resolved_at', 'is not', null);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const rows = await query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return { items: await presentIncidents(db, rows, publicUrl) };
}

/** The incidents as the API shows them, read in a fixed number of queries whatever their count. */
export async function presentIncidents(db: Db, incidents: readonly Incident[], publicUrl?: string): Promise<IncidentJson[]> {
  if (incidents.length === 0) return [];
  const ids = incidents.map((i) => i.id);
  const components = await db
    .selectFrom('incident_components')
    .innerJoin('status_components', 'status_components.id', 'incident_components.component_id')
    .select(['incident_components.incident_id', 'status_components.id', 'status_components.key', 'status_components.name'])
    .where('incident_components.incident_id', '=', anyOf(ids, 'uuid'))
    .orderBy('status_components.position')
    .orderBy('status_components.name')
    .execute();
  const updates = await db
    .selectFrom('incident_updates')
    .leftJoin('users', 'users.id', 'incident_updates.author_id')
    .selectAll('incident_updates')
    .select(['users.name as author_name'])
    .where('incident_updates.incident_id', '=', anyOf(ids, 'uuid'))
    .orderBy('incident_updates.display_at', 'desc')
    .orderBy('incident_updates.created_at', 'desc')
    .execute();
  const links = await db
    .selectFrom('incident_tickets')
    .select(['incident_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('incident_id', '=', anyOf(ids, 'uuid'))
    .groupBy('incident_id')
    .execute();
  const linked = new Map(links.map((l) => [l.incident_id, Number(l.count)]));
  const open = await db.selectFrom('status_component_spans').select(['incident_id', 'component_id', 'status']).where('incident_id', '=', anyOf(ids, 'uuid')).where('ended_at', 'is', null).execute();
  const spanStatus = new Map(open.map((s) => [`${s.incident_id} ${s.component_id}`, s.status]));
  const results: IncidentJson[] = [];
  for (const incident of incidents) {
    const own = components.filter((c) => c.incident_id === incident.id);
    results.push({
      id: incident.id,
      kind: incident.kind,
      name: incident.name,
      status: incident.status,
      impact: incident.impact,
      draft: incident.draft,
      source: incident.source,
      scheduled_for: isoOrNull(incident.scheduled_for),
      scheduled_until: isoOrNull(incident.scheduled_until),
      started_at: iso(incident.started_at),
      monitoring_at: isoOrNull(incident.monitoring_at),
      resolved_at: isoOrNull(incident.resolved_at),
      components: own.map((c) => ({ id: c.id, key: c.key, name: c.name, status: spanStatus.get(`${incident.id} ${c.id}`) ?? 'operational' })),
      updates: updates
        .filter((u) => u.incident_id === incident.id)
        .map((u) => ({
          id: u.id,
          status: u.status,
          body: u.body,
          display_at: iso(u.display_at),
          author: u.author_id && u.author_name ? { id: u.author_id, name: u.author_name } : null,
          affected_components: u.affected_components as AffectedComponent[],
        })),
      rfo: incident.rfo_markdown === null ? null : { markdown: incident.rfo_markdown, html: renderRfo(incident.rfo_markdown), published_at: isoOrNull(incident.rfo_published_at) },
      linked_tickets: linked.get(incident.id) ?? 0,
      public_url: incidentPublicUrl(publicUrl, incident.id),
    });
  }
  return results;
}
