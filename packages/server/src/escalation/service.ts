import { parseDuration } from '@hourglass/engine';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { pinnedVersion } from '../policy/catalog.js';
import { getVisibleTicket, recordEvent } from '../tickets/access.js';
import { recordWorkflowEvent } from '../workflow/events.js';
import { escalationRecipients } from './notify.js';
import { presentEscalation } from '../tickets/escalation-present.js';
import { planEscalation, type EscalationRefusal } from './rules.js';
import type { EscalationJson } from '../tickets/schemas.js';
import type { EscalateInput } from './schemas.js';
import { earliest, loadEscalations } from '../tickets/escalations.js';
import { scheduleEscalationTimers } from './timers.js';

type Db = Kysely<Database>;
export const ESCALATED_EVENT = 'escalated';

function refuse(refusal: EscalationRefusal): AppError {
  const code = refusal.status === 'invalid' ? 'validation_failed' : refusal.status;
  const text = refusal.text ? { text: refusal.text } : {};
  return new AppError(code, refusal.message, [{ path: refusal.path, message: refusal.message, ...text }], refusal.text);
}

/**
 * Escalates an unsolved ticket: checks the plan (or partner tier), records the escalation with its
 * response target and an audit entry, moves the ticket up the queue when the target is sooner than
 * its other deadlines, and records the alert to the assignee's manager and support management.
 * Runs in one transaction with the ticket row locked.
 */
export async function escalateTicket(deps: AppDeps, trx: Db, actor: Actor, ticketId: string, input: EscalateInput) {
  const now = deps.clock.now();
  const ticket = await getVisibleTicket(trx, actor, ticketId, true);
  const account = await trx
    .selectFrom('accounts')
    .select(['partner_tier', 'growth_manager_id', 'primary_manager_id', 'secondary_manager_id', 'name'])
    .where('id', '=', ticket.account_id)
    .executeTakeFirstOrThrow();
  const version = pinnedVersion(deps.registry, ticket.pack_id, ticket.pack_version);
  const existing = (await loadEscalations(trx, [ticket.id])).get(ticket.id) ?? [];
  const plan = planEscalation(
    {
      status: ticket.status,
      plan: ticket.plan,
      escalation: version.escalation,
      partnerTiers: version.partnerTiers,
      partnerTier: account.partner_tier,
      growthManagerId: account.growth_manager_id,
      openEscalation: existing.some((e) => e.responded_at === null),
    },
    { reason: input.reason, via: input.via },
  );
  if (!plan.ok) throw refuse(plan);

  let due: Date | null = null;
  let durationMs: number | null = null;
  if (plan.target !== null) {
    durationMs = parseDuration(plan.target.duration);
    due = new Date(version.calendar(plan.target.calendar).addBusinessTime(now, durationMs));
  }
  const raisedAt = new Date(now);
  const row = await trx
    .insertInto('escalations')
    .values({
      ticket_id: ticket.id,
      raised_by: actor.userId,
      reason: plan.reason,
      via_growth_manager: plan.via === 'growth_manager',
      note: input.note ?? null,
      raised_at: raisedAt,
      due_at: due,
      calendar_id: plan.target?.calendar ?? null,
      duration_ms: durationMs,
      responded_at: null,
    })
    .returning(['id', 'ticket_id', 'raised_by', 'reason', 'via_growth_manager', 'note', 'raised_at', 'due_at', 'calendar_id', 'duration_ms', 'responded_at'])
    .executeTakeFirstOrThrow();
  if (due !== null && durationMs !== null && plan.target !== null) {
    await scheduleEscalationTimers(
      trx,
      version,
      ticket.id,
      {
        escalation_id: row.id,
        raised_at: now,
        due_at: due.getTime(),
        calendar_id: plan.target.calendar,
        duration_ms: durationMs,
        reason: plan.reason,
        reason_label: plan.reasonLabel,
        raised_by: actor.userId,
        notify: plan.notify,
      },
      now,
    );
  }
  const recipients = await escalationRecipients(trx, ticket, account, plan.notify);
  const summary = { escalation_id: row.id, via: plan.via, reason: plan.reason, due_at: due?.toISOString() ?? null, notified: recipients };
  await recordEvent(trx, { ticketId: ticket.id, actorId: actor.userId, type: ESCALATED_EVENT, before: null, after: summary, reason: plan.reasonLabel, at: now });
  await trx
    .updateTable('tickets')
    .set({ first_due_at: earliest(ticket.first_due_at, due), updated_at: raisedAt })
    .where('id', '=', ticket.id)
    .execute();
  await recordWorkflowEvent(trx, {
    event: 'escalated',
    ticketId: ticket.id,
    recipients,
    payload: {
      ticket_number: ticket.number,
      subject: ticket.subject,
      account: account.name,
      priority: ticket.priority,
      assignee_id: ticket.assignee_id,
      reason: plan.reason,
      reason_label: plan.reasonLabel,
      raised_by: actor.userId,
      via: plan.via,
      note: input.note ?? null,
      due_at: due?.toISOString() ?? null,
      calendar_id: plan.target?.calendar ?? null,
    },
    at: now,
  });
  const record = { ...row, duration_ms: row.duration_ms === null ? null : Number(row.duration_ms) };
  return { ...presentEscalation(deps.registry, ticket, record, now), notified: recipients };
}

/** The ticket's escalations, oldest first, with their response targets as of now. */
export async function listEscalations(deps: AppDeps, actor: Actor, ticketId: string): Promise<EscalationJson[]> {
  const ticket = await getVisibleTicket(deps.db, actor, ticketId);
  const records = (await loadEscalations(deps.db, [ticket.id])).get(ticket.id) ?? [];
  const now = deps.clock.now();
  return records.map((e) => presentEscalation(deps.registry, ticket, e, now));
}
