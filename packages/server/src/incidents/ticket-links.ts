/**
 * Incidents meet tickets: staff link tickets to an incident; a ticket lists its incidents (customers
 * only published ones); the portal asks which published incidents are active on a product before a
 * customer writes a new ticket.
 */
import { type Kysely, sql } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { iso, isoOrNull } from '../http/common-schemas.js';
import { getVisibleTicket, recordEvent } from '../tickets/access.js';
import { invalidField, requireStaff } from './errors.js';
import { findIncident, incidentPublicUrl } from './incident-read.js';
import { renderRfo } from './rfo-render.js';
import { currentStatuses } from './spans.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

export async function listLinkedTickets(db: Db, actor: Actor, incidentId: string) {
  requireStaff(actor);
  await findIncident(db, actor.providerId, incidentId);
  const rows = await db
    .selectFrom('incident_tickets')
    .innerJoin('tickets', 'tickets.id', 'incident_tickets.ticket_id')
    .innerJoin('accounts', 'accounts.id', 'tickets.account_id')
    .select(['tickets.id', 'tickets.number', 'tickets.subject', 'tickets.status', 'accounts.id as account_id', 'accounts.name as account_name'])
    .where('incident_tickets.incident_id', '=', incidentId)
    .orderBy('tickets.number')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, number: r.number, subject: r.subject, status: r.status, account: { id: r.account_id, name: r.account_name } })) };
}

/** A ticket named by its id or by its number (as agents read it: #123). */
export type TicketRef = { ticket_id: string } | { ticket_number: number };

/** Links a ticket of the provider to the incident (linking twice changes nothing). */
export async function linkTicket(db: Db, clock: Clock, actor: Actor, incidentId: string, ref: TicketRef) {
  requireStaff(actor);
  const incident = await findIncident(db, actor.providerId, incidentId);
  const byId = 'ticket_id' in ref;
  const ticket = await db
    .selectFrom('tickets')
    .innerJoin('accounts', 'accounts.id', 'tickets.account_id')
    .select('tickets.id')
    .$if(byId, (q) => q.where('tickets.id', '=', (ref as { ticket_id: string }).ticket_id))
    .$if(!byId, (q) => q.where('tickets.number', '=', (ref as { ticket_number: number }).ticket_number))
    .where('accounts.provider_id', '=', actor.providerId)
    .executeTakeFirst();
  if (!ticket) throw invalidField(byId ? 'body.ticket_id' : 'body.ticket_number', 'error.notFound.ticket');
  const now = clock.now();
  const inserted = await db
    .insertInto('incident_tickets')
    .values({ incident_id: incident.id, ticket_id: ticket.id, linked_by: actor.userId, linked_at: new Date(now) })
    .onConflict((oc) => oc.columns(['incident_id', 'ticket_id']).doNothing())
    .returning('ticket_id')
    .executeTakeFirst();
  if (inserted) await recordEvent(db, { ticketId: ticket.id, actorId: actor.userId, type: 'incident_linked', after: { incident_id: incident.id, name: incident.name }, at: now });
  return listLinkedTickets(db, actor, incident.id);
}

export async function unlinkTicket(db: Db, clock: Clock, actor: Actor, incidentId: string, ticketId: string): Promise<void> {
  requireStaff(actor);
  const incident = await findIncident(db, actor.providerId, incidentId);
  const removed = await db.deleteFrom('incident_tickets').where('incident_id', '=', incident.id).where('ticket_id', '=', ticketId).returning('ticket_id').executeTakeFirst();
  if (removed) await recordEvent(db, { ticketId, actorId: actor.userId, type: 'incident_unlinked', before: { incident_id: incident.id, name: incident.name }, at: clock.now() });
}

/**
 * The incidents of a ticket: those linked to it and those whose RFO was relayed on it. Customers see
 * published ones only, with the RFO once it is published.
 */
export async function ticketIncidents(db: Db, actor: Actor, ticketId: string, publicUrl?: string) {
  const ticket = await getVisibleTicket(db, actor, ticketId);
  const staff = isStaff(actor);
  let query = db
    .selectFrom('incidents')
    .selectAll()
    .where('provider_id', '=', actor.providerId)
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('incident_tickets').select('incident_id').where('ticket_id', '=', ticket.id)),
        eb('id', 'in', eb.selectFrom('incident_rfo_relays').select('incident_id').where('ticket_id', '=', ticket.id)),
      ]),
    );
  if (!staff) query = query.where('draft', '=', false);
  const rows = await query.orderBy('started_at', 'desc').orderBy('id').execute();
  return {
    items: rows.map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status,
      impact: i.impact,
      public_url: incidentPublicUrl(publicUrl, i.id),
      rfo:
        i.rfo_markdown !== null && (i.rfo_published_at !== null || staff)
          ? { html: renderRfo(i.rfo_markdown), published_at: isoOrNull(i.rfo_published_at) }
          : null,
    })),
  };
}

/**
 * Published, unresolved incidents (not maintenance) on components that serve `product` (an intake
 * form id), or on any component when no product is given: the portal's "known issue" banner.
 */
export async function activeIncidents(db: Db, actor: Actor, product: string | undefined, publicUrl?: string) {
  let query = db
    .selectFrom('incidents')
    .select(['id', 'name', 'impact', 'status', 'started_at'])
    .where('provider_id', '=', actor.providerId)
    .where('kind', '=', 'incident')
    .where('draft', '=', false)
    .where('resolved_at', 'is', null);
  if (product !== undefined) {
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('incident_components')
        .innerJoin('status_components', 'status_components.id', 'incident_components.component_id')
        .select('incident_components.incident_id')
        .where(sql<boolean>`status_components.products @> ${JSON.stringify([product])}::jsonb`),
    );
  }
  const incidents = await query.orderBy('started_at', 'desc').orderBy('id').limit(50).execute();
  if (incidents.length === 0) return { items: [] };
  const components = await db
    .selectFrom('incident_components')
    .innerJoin('status_components', 'status_components.id', 'incident_components.component_id')
    .select(['incident_components.incident_id', 'status_components.id', 'status_components.key', 'status_components.name'])
    .where('incident_components.incident_id', '=', anyOf(incidents.map((i) => i.id), 'uuid'))
    .orderBy('status_components.position')
    .orderBy('status_components.name')
    .execute();
  const statuses = await currentStatuses(db, [...new Set(components.map((c) => c.id))]);
  return {
    items: incidents.map((i) => ({
      id: i.id,
      name: i.name,
      impact: i.impact,
      status: i.status,
      started_at: iso(i.started_at),
      public_url: incidentPublicUrl(publicUrl, i.id),
      components: components.filter((c) => c.incident_id === i.id).map((c) => ({ key: c.key, name: c.name, status: statuses.get(c.id) ?? 'operational' })),
    })),
  };
}
