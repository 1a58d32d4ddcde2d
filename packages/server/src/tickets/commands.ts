import { DEFAULT_LOCALE, type Locale } from '../i18n/index.js';
import type { Kysely } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import { TICKET_COLUMNS, type Database, type Ticket } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { invalid } from '../http/invalid.js';
import { checkStaffUser } from '../users/service.js';
import { getVisibleTicket, recordEvent, ruleActorOf } from './access.js';
import { versionOf } from './clocks.js';
import { checkProjectForPriority, checkTransition, reclassify } from './domain/index.js';
import { ACKNOWLEDGED_EVENT } from './facts.js';
import { checkTeam, projectOf } from './create.js';
import { checkIntake, findForm, presentWarnings } from './intake.js';
import { presentTicket } from './present.js';
import { changeStatus, refreshClocks } from './refresh.js';
import { offeredLanguage, priorityCatalogOf, unwrap } from './rules.js';
import type { ReclassifyInput, TicketJson, UpdateTicketInput } from './schemas.js';
import { recordAssignment } from '../workflow/assignment.js';

type Db = Kysely<Database>;
const STAFF_FIELDS = ['assignee_id', 'team_id'] as const;

/** Changes a ticket's status, fields, assignment or intake values, in one transaction. */
export async function updateTicket(deps: AppDeps, trx: Db, actor: Actor, id: string, input: UpdateTicketInput, locale: Locale = DEFAULT_LOCALE): Promise<TicketJson> {
  const now = deps.clock.now();
  let ticket = await getVisibleTicket(trx, actor, id, true);
  if (ticket.status === 'closed' && Object.values(input).some((v) => v !== undefined)) {
    throw new AppError('ticket_closed', undefined, [{ path: 'body', message: 'A closed ticket cannot change; open a follow-up ticket instead.' }]);
  }
  for (const field of STAFF_FIELDS) {
    if (input[field] !== undefined && !isStaff(actor)) throw AppError.translated('forbidden', { id: 'error.ticket.staffField', values: { field } });
  }
  if (input.assignee_id) await checkStaffUser(trx, actor, input.assignee_id, 'body.assignee_id');
  if (input.team_id) await checkTeam(trx, actor, input.team_id, 'body.team_id');
  if (input.project_id !== undefined && input.project_id !== ticket.project_id) {
    const project = input.project_id === null ? null : await projectOf(trx, { id: ticket.account_id }, input.project_id, 'body.project_id');
    unwrap(checkProjectForPriority(priorityCatalogOf(versionOf(deps.registry, ticket)), ticket.priority, project), 'body.project_id');
  }
  if (input.language !== undefined) offeredLanguage(versionOf(deps.registry, ticket), input.language, []);

  const changes = fieldChanges(ticket, input);
  let warnings: TicketJson['warnings'];
  if (input.intake !== undefined || input.product !== undefined) {
    const product = input.product ?? ticket.product;
    const intake = intakeChange(deps, ticket, product, input.intake ?? ticket.intake, now, locale);
    Object.assign(changes.after, { product, intake: input.intake ?? ticket.intake });
    changes.before.product = ticket.product;
    changes.before.intake = ticket.intake;
    changes.set = { ...changes.set, ...intake.set };
    warnings = intake.warnings;
  }
  if (Object.keys(changes.set).length > 0) {
    ticket = await trx.updateTable('tickets').set({ ...changes.set, updated_at: new Date(now) }).where('id', '=', ticket.id).returning(TICKET_COLUMNS).executeTakeFirstOrThrow();
    await recordEvent(trx, { ticketId: ticket.id, actorId: actor.userId, type: 'updated', before: changes.before, after: changes.after, at: now });
  }
  if (input.status !== undefined && input.status !== ticket.status) {
    const move = unwrap(checkTransition(ticket.status, input.status, ruleActorOf(actor)), 'body.status');
    ticket = await changeStatus(trx, actor, ticket, move.to, now);
  } else if (input.status !== undefined && Object.keys(changes.set).length === 0) {
    unwrap(checkTransition(ticket.status, input.status, ruleActorOf(actor)), 'body.status');
  }
  const refreshed = await refreshClocks(deps, trx, ticket);
  if ('assignee_id' in changes.set) {
    await recordAssignment(trx, { ticket: refreshed.ticket, assigneeId: refreshed.ticket.assignee_id, actorId: actor.userId, reason: null, at: now });
  }
  return presentTicket(refreshed.ticket, refreshed.targets, warnings);
}

interface FieldChanges {
  set: Record<string, unknown>;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function fieldChanges(ticket: Ticket, input: UpdateTicketInput): FieldChanges {
  const result: FieldChanges = { set: {}, before: {}, after: {} };
  const keys = ['subject', 'description', 'assignee_id', 'team_id', 'environment', 'language', 'project_id'] as const;
  for (const key of keys) {
    const value = input[key];
    if (value === undefined || value === ticket[key]) continue;
    result.set[key] = value;
    result.before[key] = ticket[key];
    result.after[key] = value;
  }
  return result;
}

/** New intake values, checked against the ticket's form; completing them starts clocks that waited for it. */
function intakeChange(deps: AppDeps, ticket: Ticket, product: string | null, values: Record<string, unknown>, now: number, locale: Locale) {
  if (product === null) {
    throw invalid('body.product', 'Intake values need the form they belong to; name it in "product" (see GET /api/v1/intake-forms).');
  }
  const version = versionOf(deps.registry, ticket);
  const form = findForm(version, product, 'body.product');
  const outcome = checkIntake(version, form, values, ticket.created_at.getTime(), 'body.intake');
  const set: Record<string, unknown> = { product, intake: JSON.stringify(values), intake_complete: outcome.complete };
  if (outcome.complete && ticket.intake_completed_at === null) set.intake_completed_at = new Date(now);
  if (!outcome.complete) set.intake_completed_at = ticket.intake_completed_at;
  return { set, warnings: presentWarnings('body.intake', outcome.warnings, locale) };
}

/** An agent moves the priority up or down with a reason; the targets are recomputed from the original clock start. */
export async function reclassifyTicket(deps: AppDeps, trx: Db, actor: Actor, id: string, input: ReclassifyInput): Promise<TicketJson> {
  const now = deps.clock.now();
  const ticket = await getVisibleTicket(trx, actor, id, true);
  if (ticket.status === 'closed') throw new AppError('ticket_closed', undefined, [{ path: 'body.priority', message: 'A closed ticket cannot be reclassified.' }]);
  const catalog = priorityCatalogOf(versionOf(deps.registry, ticket));
  const project = ticket.project_id === null ? null : await projectOf(trx, { id: ticket.account_id }, ticket.project_id, 'body.priority');
  const change = reclassify(catalog, { from: ticket.priority, to: input.priority, reason: input.reason, actor: ruleActorOf(actor), project });
  const path = !change.ok && change.violation.code === 'reclassify_reason_required' ? 'body.reason' : 'body.priority';
  const value = unwrap(change, path);
  const updated = await trx.updateTable('tickets').set({ priority: value.to, updated_at: new Date(now) }).where('id', '=', ticket.id).returning(TICKET_COLUMNS).executeTakeFirstOrThrow();
  await recordEvent(trx, {
    ticketId: ticket.id,
    actorId: actor.userId,
    type: 'reclassified',
    before: { priority: value.from },
    after: { priority: value.to, direction: value.direction },
    reason: value.reason,
    at: now,
  });
  const refreshed = await refreshClocks(deps, trx, updated);
  return presentTicket(refreshed.ticket, refreshed.targets);
}

/** An agent acknowledges the ticket without a reply: it meets the acknowledgment target. */
export async function acknowledgeTicket(deps: AppDeps, db: Db, actor: Actor, id: string): Promise<TicketJson> {
  if (!isStaff(actor)) throw new AppError('forbidden', 'Only staff acknowledge tickets.');
  const now = deps.clock.now();
  let ticket = await getVisibleTicket(db, actor, id, true);
  if (ticket.status === 'closed' || ticket.status === 'solved') {
    throw AppError.translated('conflict', { id: 'error.ticket.nothingToAcknowledge', values: { status: ticket.status } });
  }
  await recordEvent(db, { ticketId: ticket.id, actorId: actor.userId, type: ACKNOWLEDGED_EVENT, at: now });
  if (ticket.status === 'new') ticket = await changeStatus(db, actor, ticket, 'open', now);
  const refreshed = await refreshClocks(deps, db, ticket);
  return presentTicket(refreshed.ticket, refreshed.targets);
}
