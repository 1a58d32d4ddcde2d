import { DEFAULT_LOCALE, type Locale } from '../i18n/index.js';
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { type Actor, type ActorAccount, isStaff } from '../auth/actor.js';
import type { Account, Database, Project } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { routingEventOf, routingInputFor } from '../routing/index.js';
import type { AppDeps } from '../http/deps.js';
import { invalid } from '../http/invalid.js';
import { checkStaffUser } from '../users/service.js';
import { clockColumns, targetRow, targetsOf } from './clocks.js';
import { writeNewTicket, type WrittenTicket } from './new-ticket-write.js';
import { choosePriority } from './domain/index.js';
import { checkIntake, findForm, formsOf, noTopicWarning, presentWarnings } from './intake.js';
import { presentTicket } from './present.js';
import { offeredChannelAndLanguage, priorityCatalogOf, unwrap } from './rules.js';
import type { CreateTicketInput, TicketJson } from './schemas.js';
import { ticketCreatedWrites } from './hooks.js';
import { assignmentEvent } from '../workflow/assignment.js';
import { workflowEventRow } from '../workflow/events.js';

type Db = Kysely<Database>;

/**
 * Opens a ticket: the ticket with the pack version in force now, its first status, its audit entry
 * and its SLA targets, its timers, the confirmation email and the assignment notice, all written by
 * one statement after the checks (so it is atomic even outside a transaction). Keep it so: the
 * route runs it without a transaction of its own, and tickets opened at the same moment share that
 * statement (group commit). `record`, when given, stores the answer under the request's
 * Idempotency-Key within the same shared write, so the key commits with the ticket or not at all.
 */
export async function createTicket(
  deps: AppDeps,
  db: Db,
  actor: Actor,
  input: CreateTicketInput,
  record?: (body: TicketJson) => Insertable<Database['idempotency_keys']>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TicketJson> {
  const now = deps.clock.now();
  const account = await accountFor(db, actor, input.account_id);
  const requesterId = await requesterFor(db, actor, account, input.requester_id);
  const project = input.project_id ? await projectOf(db, account, input.project_id, 'body.project_id') : null;
  if (!isStaff(actor) && (input.assignee_id || input.team_id)) {
    throw new AppError('forbidden', 'Only staff assign tickets; leave assignee_id and team_id out.');
  }
  if (input.assignee_id) await checkStaffUser(db, actor, input.assignee_id, 'body.assignee_id');
  if (input.team_id) await checkTeam(db, actor, input.team_id, 'body.team_id');

  const version = deps.registry.pack(account.pack_id).versionAt(now);
  const priority = unwrap(choosePriority(priorityCatalogOf(version), input.priority, project), 'body.priority');

  const values = input.intake ?? {};
  let complete = true;
  let warnings: TicketJson['warnings'] = [];
  if (input.product !== undefined) {
    const form = findForm(version, input.product, 'body.product');
    const outcome = checkIntake(version, form, values, now, 'body.intake');
    complete = outcome.complete;
    warnings = presentWarnings('body.intake', outcome.warnings, locale);
  } else if (Object.keys(values).length > 0) {
    throw invalid('body.product', `Intake values need the form they belong to; name it in "product" (${formsOf(version).map((f) => f.id).join(', ') || 'this policy has no forms'}).`);
  } else if (version.clockStart === 'on_intake_complete' && formsOf(version).length > 0) {
    complete = false;
    warnings = [noTopicWarning(version, 'body.product', locale)];
  }

  const { channel, language } = offeredChannelAndLanguage(version, {
    channel: input.channel ?? (actor.via === 'token' ? 'api' : 'web'),
    language: input.language,
    accountLanguages: account.languages,
  });
  // Whom routing may choose; it decides when the ticket is written, counting the tickets opened just before.
  const routing = input.assignee_id ? null : await routingInputFor(db, deps.registry, account, { language, at: now, teamId: input.team_id ?? null });

  const id = randomUUID();
  const createdAt = new Date(now);
  const ticket = {
    id,
    account_id: account.id,
    project_id: project?.id ?? null,
    requester_id: requesterId,
    assignee_id: input.assignee_id ?? null,
    team_id: input.team_id ?? null,
    subject: input.subject,
    description: input.description,
    product: input.product ?? null,
    priority,
    environment: input.environment ?? null,
    channel,
    language,
    status: 'new' as const,
    intake_complete: complete,
    intake_completed_at: complete ? createdAt : null,
    pack_id: account.pack_id,
    pack_version: version.id,
    plan: account.plan,
    created_at: createdAt,
    updated_at: createdAt,
  };
  const targets = targetsOf(deps.registry, ticket, { statusHistory: [{ status: 'new', at: now }], agentActivity: [] }, now);
  const clocks = clockColumns(targets);
  const created = {
    subject: ticket.subject,
    priority,
    status: 'new',
    channel: ticket.channel,
    product: ticket.product,
    pack_version: version.id,
    plan: ticket.plan,
  };
  // Its timers and notifications (confirmation to the requester, notice to the assignee) are written with it.
  const follow = ticketCreatedWrites(ticket, targets, now);
  // The answer, from what the write gave the ticket (its number, and whom routing chose).
  const present = (w: WrittenTicket) =>
    presentTicket({ ...ticket, number: w.number, assignee_id: w.assignee_id, team_id: w.team_id, intake: values, ...clocks, solved_at: null, closed_at: null }, targets, warnings);
  // One statement writes the ticket, its audit entry (which starts its status history), its targets,
  // timers and notifications: atomic on its own.
  const written = await writeNewTicket(db, {
    id,
    routing,
    at: now,
    rows: (route) => {
      const assigneeId = ticket.assignee_id ?? route?.assignee_id ?? null;
      const assigned = assignmentEvent({ ticket: { id, first_due_at: clocks.first_due_at }, assigneeId, actorId: actor.userId, reason: route?.reason ?? null, why: route?.why ?? null, at: now });
      const teamId = ticket.team_id ?? route?.team_id ?? null;
      return {
        ticket: { ...ticket, assignee_id: assigneeId, team_id: teamId, intake: JSON.stringify(values), ...clocks },
        events: [
          { ticket_id: id, actor_id: actor.userId, type: 'created', before: null, after: JSON.stringify(created), reason: null, at: createdAt },
          // Whom routing chose, and why, right after the creation in the audit trail.
          ...(route === null ? [] : [routingEventOf(id, null, route, createdAt)]),
        ],
        targets: targets.map((t) => targetRow(id, t, createdAt)),
        timers: follow.timers,
        notifications: [follow.event, ...(assigned === null ? [] : [assigned])].map(workflowEventRow),
        // The answer a retry with the same key replays; the statement fills in the number the ticket gets.
        ...(record && { record: record(present({ number: 0, assignee_id: assigneeId, team_id: teamId })) }),
      };
    },
  });
  return present(written);
}

/** The account a ticket is filed for: a customer's own, or the one staff name. */
async function accountFor(db: Db, actor: Actor, accountId: string | undefined): Promise<ActorAccount> {
  if (!isStaff(actor)) {
    if (accountId !== undefined && accountId !== actor.accountId) throw notFound('account');
    if (actor.account) return actor.account;
    accountId = actor.accountId ?? undefined;
  }
  if (accountId === undefined) throw invalid('body.account_id', 'Staff must name the customer account the ticket is for.');
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'provider_id', 'pack_id', 'plan', 'languages', 'primary_manager_id', 'secondary_manager_id', 'team_id'])
    .where('id', '=', accountId)
    .where('provider_id', '=', actor.providerId)
    .executeTakeFirst();
  if (!account) throw isStaff(actor) ? invalid('body.account_id', 'No account has this id.') : notFound('account');
  return account;
}

async function requesterFor(db: Db, actor: Actor, account: ActorAccount, requesterId: string | undefined): Promise<string> {
  if (!isStaff(actor) && (requesterId === undefined || requesterId === actor.userId)) return actor.userId;
  if (requesterId === undefined) throw invalid('body.requester_id', 'Staff must name the customer who asks (a user of the account).');
  const user = await db.selectFrom('users').select('id').where('id', '=', requesterId).where('account_id', '=', account.id).executeTakeFirst();
  if (!user) throw invalid('body.requester_id', 'No user of this account has this id.');
  return user.id;
}

export async function projectOf(db: Db, account: Pick<Account, 'id'>, projectId: string, path: string): Promise<Project> {
  const project = await db.selectFrom('projects').selectAll().where('id', '=', projectId).where('account_id', '=', account.id).executeTakeFirst();
  if (!project) throw invalid(path, 'No project of this account has this id; see GET /api/v1/accounts/{id}/projects.');
  return project;
}

export async function checkTeam(db: Db, actor: Actor, teamId: string, path: string): Promise<void> {
  const team = await db.selectFrom('teams').select('id').where('id', '=', teamId).where('provider_id', '=', actor.providerId).executeTakeFirst();
  if (!team) throw invalid(path, 'No team has this id.');
}
