/**
 * Opening incidents and maintenance, their timed updates and publishing drafts. Each write sets the
 * affected components' spans (tagged with the incident), records the update with the components
 * whose status it changed, tells the status page, and queues the subscribers' notices (never for
 * drafts, nor when the caller said notify: false) — all in the caller's transaction.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { announceStatusChange } from '../db/status-change.js';
import { queueStatusNotices } from '../status-subscriptions/fan-out.js';
import { lockComponents } from './components.js';
import { invalidField, requireStaff } from './errors.js';
import { findIncident, getIncident, incidentPublicUrl } from './incident-read.js';
import { replyOnTickets } from './relay.js';
import type { ComponentChangeInput, CreateIncidentInput, CreateUpdateInput, IncidentJson, UpdateIncidentInput } from './schemas.js';
import { endIncidentSpans, setSourceStatus, type StatusChange } from './spans.js';
import { type AffectedComponent, type Incident, INCIDENT_STATUSES, type IncidentKind, type IncidentStatus, MAINTENANCE_STATUSES } from './tables.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

export interface IncidentDeps extends AppDeps {
  /** The desk's public URL, for links to an incident's public page; unset: links are site-relative. */
  publicUrl?: string;
  /**
   * Where links in replies on tickets (read in emails too, so never site-relative) point: the public
   * URL, else where this server listens (as notifications do).
   */
  replyLinkBase(): string;
}

const TERMINAL: readonly IncidentStatus[] = ['resolved', 'completed'];
export const isTerminal = (status: IncidentStatus): boolean => TERMINAL.includes(status);

/** Who writes an update: a person of the provider, or monitoring (no author). */
export interface Writer {
  providerId: string;
  userId: string | null;
}

export async function createIncident(deps: IncidentDeps, db: Db, actor: Actor, input: CreateIncidentInput): Promise<IncidentJson> {
  requireStaff(actor);
  const incident = await openIncident(db, deps.clock.now(), { providerId: actor.providerId, userId: actor.userId }, { ...input, source: 'manual', fingerprint: null });
  return getIncident(db, actor, incident.id, deps.publicUrl);
}

export interface OpenIncidentInput extends CreateIncidentInput {
  source: 'manual' | 'alertmanager';
  fingerprint: string | null;
}

/** Opens an incident or maintenance with its first update; answers the new record. */
export async function openIncident(db: Db, now: number, writer: Writer, input: OpenIncidentInput): Promise<Incident> {
  checkStatusOfKind(input.kind, input.status, 'body.status');
  checkSchedule(input);
  const components = await checkComponents(db, writer.providerId, input.kind, input.components);
  const at = new Date(now);
  const startedAt = input.kind === 'maintenance' && input.status === 'scheduled' && input.scheduled_for ? new Date(input.scheduled_for) : at;
  const incident = await db
    .insertInto('incidents')
    .values({
      provider_id: writer.providerId,
      kind: input.kind,
      name: input.name,
      status: input.status,
      impact: input.impact ?? (input.kind === 'maintenance' ? 'maintenance' : 'none'),
      draft: input.draft,
      source: input.source,
      alert_fingerprint: input.fingerprint,
      scheduled_for: input.scheduled_for ? new Date(input.scheduled_for) : null,
      scheduled_until: input.scheduled_until ? new Date(input.scheduled_until) : null,
      started_at: startedAt,
      monitoring_at: input.status === 'monitoring' || input.status === 'verifying' ? at : null,
      resolved_at: isTerminal(input.status) ? at : null,
      created_by: writer.userId,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (components.size > 0) {
    await db
      .insertInto('incident_components')
      .values([...components.keys()].map((component_id) => ({ incident_id: incident.id, component_id })))
      .execute();
  }
  const changes = isTerminal(input.status) ? [] : spanChanges(input.kind, input.status, null, input.components, [...components.keys()]);
  const affected = await setSourceStatus(db, incident.id, changes, at, components);
  await recordUpdate(db, incident, writer, { status: input.status, body: input.body, affected, at, notify: input.notify });
  return incident;
}

export async function addIncidentUpdate(deps: IncidentDeps, db: Db, actor: Actor, id: string, input: CreateUpdateInput): Promise<IncidentJson> {
  requireStaff(actor);
  const incident = await findIncident(db, actor.providerId, id, true);
  if (input.reply_on_linked_tickets && incident.draft) throw invalidField('body.reply_on_linked_tickets', 'incidents.error.draftReply');
  await updateIncident(db, deps.clock.now(), { providerId: actor.providerId, userId: actor.userId }, incident, input);
  if (input.reply_on_linked_tickets) {
    const linked = await db.selectFrom('incident_tickets').select('ticket_id').where('incident_id', '=', incident.id).execute();
    await replyOnTickets(
      deps,
      db,
      actor,
      linked.map((l) => l.ticket_id),
      { intro: { id: 'incidents.relay.update', values: { name: incident.name, status: input.status } }, body: input.body, url: incidentPublicUrl(deps.replyLinkBase(), incident.id) },
    );
  }
  return getIncident(db, actor, incident.id, deps.publicUrl);
}

/**
 * Adds an update to a (locked) incident: its new status, the components' statuses from now on
 * (resolving or completing ends all of the incident's spans), the timestamps of the stages.
 */
export async function updateIncident(db: Db, now: number, writer: Writer, incident: Incident, input: Omit<CreateUpdateInput, 'reply_on_linked_tickets'>): Promise<void> {
  checkStatusOfKind(incident.kind, input.status, 'body.status');
  if (incident.resolved_at !== null && !isTerminal(input.status)) {
    throw AppError.translated('conflict', { id: 'incidents.error.resolved', values: { kind: incident.kind } });
  }
  const at = new Date(now);
  const given = input.components ?? [];
  const components = await checkComponents(db, writer.providerId, incident.kind, given);
  const known = await db.selectFrom('incident_components').select('component_id').where('incident_id', '=', incident.id).execute();
  const knownIds = new Set(known.map((k) => k.component_id));
  const added = [...components.keys()].filter((c) => !knownIds.has(c));
  if (added.length > 0) await db.insertInto('incident_components').values(added.map((component_id) => ({ incident_id: incident.id, component_id }))).execute();
  const all = [...knownIds, ...added];
  const names = new Map([...components, ...(await namesOf(db, all))]);
  await lockComponents(db, writer.providerId, all);
  let affected: AffectedComponent[];
  if (isTerminal(input.status)) affected = await endIncidentSpans(db, incident.id, at, names);
  else {
    affected = await setSourceStatus(db, incident.id, spanChanges(incident.kind, input.status, incident.status, given, all), at, names);
  }
  const beganNow = incident.kind === 'maintenance' && incident.status === 'scheduled' && input.status !== 'scheduled';
  await db
    .updateTable('incidents')
    .set({
      status: input.status,
      ...(beganNow && { started_at: at }),
      ...((input.status === 'monitoring' || input.status === 'verifying') && incident.monitoring_at === null && { monitoring_at: at }),
      ...(isTerminal(input.status) && incident.resolved_at === null && { resolved_at: at }),
      updated_at: at,
    })
    .where('id', '=', incident.id)
    .execute();
  await recordUpdate(db, incident, writer, { status: input.status, body: input.body, affected, at, notify: input.notify });
}

export async function changeIncident(deps: IncidentDeps, db: Db, actor: Actor, id: string, input: UpdateIncidentInput): Promise<IncidentJson> {
  requireStaff(actor);
  const incident = await findIncident(db, actor.providerId, id, true);
  const publishing = input.draft === false && incident.draft;
  await db
    .updateTable('incidents')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.impact !== undefined && { impact: input.impact }),
      ...(publishing && { draft: false }),
      updated_at: new Date(deps.clock.now()),
    })
    .where('id', '=', incident.id)
    .execute();
  await announceStatusChange(db, actor.providerId);
  if (publishing) {
    const latest = await db.selectFrom('incident_updates').select('id').where('incident_id', '=', incident.id).orderBy('display_at', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
    if (latest) await queueStatusNotices(db, { providerId: actor.providerId, incidentId: incident.id, updateId: latest.id });
  }
  return getIncident(db, actor, incident.id, deps.publicUrl);
}

async function recordUpdate(
  db: Db,
  incident: Incident,
  writer: Writer,
  update: { status: IncidentStatus; body: string; affected: AffectedComponent[]; at: Date; notify: boolean },
): Promise<void> {
  const row = await db
    .insertInto('incident_updates')
    .values({
      incident_id: incident.id,
      status: update.status,
      body: update.body,
      affected_components: JSON.stringify(update.affected),
      author_id: writer.userId,
      display_at: update.at,
      created_at: update.at,
      updated_at: update.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await announceStatusChange(db, writer.providerId);
  const draft = (await db.selectFrom('incidents').select('draft').where('id', '=', incident.id).executeTakeFirstOrThrow()).draft;
  if (update.notify && !draft) await queueStatusNotices(db, { providerId: writer.providerId, incidentId: incident.id, updateId: row.id });
}

/**
 * What the incident's spans become. An incident sets the statuses given. Maintenance that begins
 * (enters in_progress) puts all its components under maintenance, except those the update names;
 * scheduled maintenance sets none yet.
 */
function spanChanges(kind: IncidentKind, status: IncidentStatus, previous: IncidentStatus | null, given: readonly ComponentChangeInput[], all: readonly string[]): StatusChange[] {
  const explicit = given.map((c) => ({ componentId: c.id, status: c.status }));
  if (kind === 'incident') return explicit;
  if (status === 'scheduled') return [];
  if (status === 'in_progress' && previous !== 'in_progress') {
    const named = new Set(explicit.map((c) => c.componentId));
    return [...explicit, ...all.filter((id) => !named.has(id)).map((componentId) => ({ componentId, status: 'under_maintenance' as const }))];
  }
  return explicit;
}

function checkStatusOfKind(kind: IncidentKind, status: IncidentStatus, path: string): void {
  const allowed: readonly IncidentStatus[] = kind === 'maintenance' ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
  if (!allowed.includes(status)) throw invalidField(path, 'incidents.error.statusOfKind', { status, kind, allowed: allowed.join(', ') });
}

function checkSchedule(input: CreateIncidentInput): void {
  if (input.kind === 'incident') {
    if (input.scheduled_for !== undefined) throw invalidField('body.scheduled_for', 'incidents.error.scheduleForMaintenance');
    if (input.scheduled_until !== undefined) throw invalidField('body.scheduled_until', 'incidents.error.scheduleForMaintenance');
    return;
  }
  if (input.status === 'scheduled' && input.scheduled_for === undefined) throw invalidField('body.scheduled_for', 'incidents.error.scheduleRequired');
  if (input.scheduled_for && input.scheduled_until && Date.parse(input.scheduled_until) <= Date.parse(input.scheduled_for)) {
    throw invalidField('body.scheduled_until', 'incidents.error.scheduleOrder');
  }
}

/** The named components, locked, each once, of the caller's provider, with statuses that fit the kind; answers id → name. */
async function checkComponents(db: Db, providerId: string, kind: IncidentKind, changes: readonly ComponentChangeInput[]): Promise<Map<string, string>> {
  const seen = new Set<string>();
  for (const [i, change] of changes.entries()) {
    if (seen.has(change.id)) throw invalidField(`body.components.${i}.id`, 'incidents.error.duplicateComponent');
    seen.add(change.id);
    if (kind === 'maintenance' && change.status !== 'under_maintenance' && change.status !== 'operational') {
      throw invalidField(`body.components.${i}.status`, 'incidents.error.maintenanceStatus');
    }
    if (kind === 'incident' && change.status === 'under_maintenance') throw invalidField(`body.components.${i}.status`, 'incidents.error.incidentStatus');
  }
  const rows = await lockComponents(db, providerId, [...seen]);
  const found = new Map(rows.map((r) => [r.id, r.name]));
  for (const [i, change] of changes.entries()) if (!found.has(change.id)) throw invalidField(`body.components.${i}.id`, 'incidents.error.notFound.component');
  return found;
}

async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('status_components').select(['id', 'name']).where('id', '=', anyOf([...ids], 'uuid')).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
