/**
 * The reason for outage (RFO) of a resolved incident: written in Markdown, published once, and
 * relayed as a public reply — once per ticket — on the incident's linked tickets, on the unsolved
 * tickets of the accounts that use an affected component, and on tickets whose customer asked for it.
 * A customer may ask from a ticket: answered at once when it is published, else on publication.
 */
import type { Kysely } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { DEFAULT_LOCALE, matchLocale, translator } from '../i18n/index.js';
import { getVisibleTicket, recordEvent } from '../tickets/access.js';
import { announceStatusChange } from '../db/status-change.js';
import { invalidField, requireStaff } from './errors.js';
import { findIncident, getIncident, incidentPublicUrl } from './incident-read.js';
import type { IncidentDeps } from './incident-write.js';
import { replyOnTickets, staffActor } from './relay.js';
import type { IncidentJson } from './schemas.js';
import type { Incident } from './tables.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

const UNSOLVED = ['new', 'open', 'pending', 'on_hold'] as const;

export async function putRfo(deps: IncidentDeps, db: Db, actor: Actor, id: string, markdown: string): Promise<IncidentJson> {
  requireStaff(actor);
  const incident = await findIncident(db, actor.providerId, id, true);
  checkRfoAllowed(incident);
  await db.updateTable('incidents').set({ rfo_markdown: markdown, updated_at: new Date(deps.clock.now()) }).where('id', '=', incident.id).execute();
  if (incident.rfo_published_at !== null) await announceStatusChange(db, actor.providerId);
  return getIncident(db, actor, incident.id, deps.publicUrl);
}

/** Publishes the RFO (the first time) and relays it on every ticket it is owed to that has not had it yet. */
export async function publishRfo(deps: IncidentDeps, db: Db, actor: Actor, id: string): Promise<IncidentJson> {
  requireStaff(actor);
  const incident = await findIncident(db, actor.providerId, id, true);
  checkRfoAllowed(incident);
  if (incident.rfo_markdown === null) throw AppError.translated('conflict', { id: 'incidents.error.rfoMissing' });
  if (incident.draft) throw AppError.translated('conflict', { id: 'incidents.error.draftRfo' });
  const now = new Date(deps.clock.now());
  if (incident.rfo_published_at === null) {
    await db.updateTable('incidents').set({ rfo_published_at: now, rfo_published_by: actor.userId, updated_at: now }).where('id', '=', incident.id).execute();
    await announceStatusChange(db, actor.providerId);
  }
  await relayRfo(deps, db, actor, incident, await ticketsOwed(db, incident));
  return getIncident(db, actor, incident.id, deps.publicUrl);
}

export type RfoRequestOutcome = 'sent' | 'already_sent' | 'requested' | 'already_requested';

/** A ticket's request for the RFO of its linked incidents (or of the one named). */
export async function requestRfo(deps: IncidentDeps, db: Db, actor: Actor, ticketId: string, incidentId: string | undefined) {
  const ticket = await getVisibleTicket(db, actor, ticketId, true);
  if (ticket.status === 'closed') throw AppError.translated('ticket_closed', { id: 'incidents.error.ticketClosed', values: { number: ticket.number } });
  let query = db
    .selectFrom('incidents')
    .selectAll()
    .where('provider_id', '=', actor.providerId)
    .where('kind', '=', 'incident')
    .where('draft', '=', false)
    .where('id', 'in', (eb) => eb.selectFrom('incident_tickets').select('incident_id').where('ticket_id', '=', ticket.id));
  if (incidentId !== undefined) query = query.where('id', '=', incidentId);
  const incidents = await query.orderBy('started_at').orderBy('id').forUpdate().execute();
  if (incidents.length === 0) {
    if (incidentId !== undefined) throw invalidField('body.incident_id', 'incidents.error.notFound.incident');
    throw AppError.translated('conflict', { id: 'incidents.error.noIncident' });
  }
  const now = deps.clock.now();
  const items: { incident_id: string; name: string; outcome: RfoRequestOutcome }[] = [];
  for (const incident of incidents) {
    const done = await db.selectFrom('incident_rfo_relays').select('ticket_id').where('incident_id', '=', incident.id).where('ticket_id', '=', ticket.id).executeTakeFirst();
    if (done) {
      items.push({ incident_id: incident.id, name: incident.name, outcome: 'already_sent' });
      continue;
    }
    const author = isStaff(actor) ? actor : await staffActor(db, actor.providerId, incident.rfo_published_by ?? incident.created_by);
    if (incident.rfo_published_at !== null && incident.rfo_markdown !== null && author) {
      await relayRfo(deps, db, author, incident, [ticket.id]);
      items.push({ incident_id: incident.id, name: incident.name, outcome: 'sent' });
      continue;
    }
    const recorded = await db
      .insertInto('incident_rfo_requests')
      .values({ incident_id: incident.id, ticket_id: ticket.id, requested_by: actor.userId, requested_at: new Date(now), answered_at: null })
      .onConflict((oc) => oc.columns(['incident_id', 'ticket_id']).doNothing())
      .returning('ticket_id')
      .executeTakeFirst();
    if (recorded) {
      await recordEvent(db, { ticketId: ticket.id, actorId: actor.userId, type: 'rfo_requested', after: { incident_id: incident.id, name: incident.name }, at: now });
      const { t } = translator(matchLocale(ticket.language) ?? DEFAULT_LOCALE);
      await db
        .insertInto('ticket_comments')
        .values({ ticket_id: ticket.id, author_id: null, public: false, body: t('incidents.rfoRequest.note', { name: incident.name }), channel: 'web', created_at: new Date(now) })
        .execute();
    }
    items.push({ incident_id: incident.id, name: incident.name, outcome: recorded ? 'requested' : 'already_requested' });
  }
  return { items };
}

/** Linked tickets, unsolved tickets of accounts using an affected component opened before the resolution, and tickets that asked. */
async function ticketsOwed(db: Db, incident: Incident): Promise<string[]> {
  const linked = await db.selectFrom('incident_tickets').select('ticket_id').where('incident_id', '=', incident.id).execute();
  const asked = await db.selectFrom('incident_rfo_requests').select('ticket_id').where('incident_id', '=', incident.id).where('answered_at', 'is', null).execute();
  const ofAccounts = await db
    .selectFrom('tickets')
    .innerJoin('accounts', 'accounts.id', 'tickets.account_id')
    .select('tickets.id')
    .where('accounts.provider_id', '=', incident.provider_id)
    .where('tickets.status', 'in', UNSOLVED)
    .where('tickets.created_at', '<=', incident.resolved_at ?? new Date())
    .where('tickets.account_id', 'in', (eb) =>
      eb
        .selectFrom('account_components')
        .innerJoin('incident_components', 'incident_components.component_id', 'account_components.component_id')
        .select('account_components.account_id')
        .where('incident_components.incident_id', '=', incident.id),
    )
    .execute();
  return [...new Set([...linked.map((l) => l.ticket_id), ...asked.map((a) => a.ticket_id), ...ofAccounts.map((t) => t.id)])];
}

/** Sends the RFO on each of the tickets that has not had it (once per ticket, whoever asks again). */
async function relayRfo(deps: IncidentDeps, db: Db, actor: Actor, incident: Incident, ticketIds: readonly string[]): Promise<void> {
  const markdown = (await db.selectFrom('incidents').select('rfo_markdown').where('id', '=', incident.id).executeTakeFirstOrThrow()).rfo_markdown;
  if (markdown === null || ticketIds.length === 0) return;
  const now = new Date(deps.clock.now());
  const fresh: string[] = [];
  for (const ticketId of ticketIds) {
    const claimed = await db
      .insertInto('incident_rfo_relays')
      .values({ incident_id: incident.id, ticket_id: ticketId, comment_id: null, relayed_at: now })
      .onConflict((oc) => oc.columns(['incident_id', 'ticket_id']).doNothing())
      .returning('ticket_id')
      .executeTakeFirst();
    if (claimed) fresh.push(ticketId);
  }
  const replied = await replyOnTickets(deps, db, actor, fresh, {
    intro: { id: 'incidents.relay.rfo', values: { name: incident.name } },
    body: markdown,
    url: incidentPublicUrl(deps.replyLinkBase(), incident.id),
  });
  for (const ticketId of fresh) {
    const commentId = replied.get(ticketId);
    // A closed ticket takes no reply: it is not counted as sent.
    if (commentId === undefined) await db.deleteFrom('incident_rfo_relays').where('incident_id', '=', incident.id).where('ticket_id', '=', ticketId).execute();
    else await db.updateTable('incident_rfo_relays').set({ comment_id: commentId }).where('incident_id', '=', incident.id).where('ticket_id', '=', ticketId).execute();
  }
  if (fresh.length > 0) {
    await db.updateTable('incident_rfo_requests').set({ answered_at: now }).where('incident_id', '=', incident.id).where('ticket_id', '=', anyOf(fresh, 'uuid')).where('answered_at', 'is', null).execute();
  }
}

function checkRfoAllowed(incident: Incident): void {
  if (incident.kind !== 'incident') throw AppError.translated('conflict', { id: 'incidents.error.rfoForIncidents' });
  if (incident.resolved_at === null) throw AppError.translated('conflict', { id: 'incidents.error.rfoBeforeResolution' });
}
