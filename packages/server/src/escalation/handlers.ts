import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { escalationRecipients } from './notify.js';
import { loadEscalations } from '../tickets/escalations.js';
import { ESCALATION_TIMER_KINDS, type EscalationTimerPayload } from './timers.js';
import type { AppDeps } from '../http/deps.js';
import { recordEvent } from '../tickets/access.js';
import { versionOf } from '../tickets/clocks.js';
import type { Timer, TimerHandlerRegistry, TransactionalHandler } from '../timers/index.js';
import { recordWorkflowEvent, slaAlertRecipients } from '../workflow/events.js';
import { lockTicket } from '../tickets/lock.js';

export const ESCALATION_WARNING_EVENT = 'escalation_warning';
export const ESCALATION_BREACHED_EVENT = 'escalation_breached';
/** The target an escalation warning is about, as its payload names it. */
export const ESCALATION_METRIC = 'escalation_response';

/** The ticket and its escalation, if the escalation still waits for its response at the due time the timer was set for. */
async function stillWaiting(db: Kysely<Database>, timer: Timer) {
  const payload = timer.payload as Partial<EscalationTimerPayload>;
  if (typeof payload.escalation_id !== 'string' || typeof payload.due_at !== 'number' || typeof payload.calendar_id !== 'string') return null;
  const ticket = await lockTicket(db, timer.subjectId);
  if (!ticket || ticket.status === 'solved' || ticket.status === 'closed') return null;
  const escalation = ((await loadEscalations(db, [ticket.id])).get(ticket.id) ?? []).find((e) => e.id === payload.escalation_id);
  if (!escalation || escalation.responded_at !== null || escalation.due_at?.getTime() !== payload.due_at) return null;
  return { ticket, escalation, payload: payload as EscalationTimerPayload };
}

function zoneOf(deps: AppDeps, ticket: Parameters<typeof versionOf>[1], calendarId: string): { zone: string; left: (from: number, to: number) => number } {
  try {
    const calendar = versionOf(deps.registry, ticket).calendar(calendarId);
    return { zone: calendar.zone, left: (from, to) => (from >= to ? 0 : calendar.businessTimeBetween(from, to)) };
  } catch {
    return { zone: 'UTC', left: (from, to) => Math.max(0, to - from) };
  }
}

/**
 * The warning at the pack's share of an escalation's response target: an audit entry and an
 * `escalation_warning` to the assignee, their manager, support management and webhooks.
 */
export function escalationWarningHandler(deps: AppDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const found = await stillWaiting(db, timer);
    if (!found) return;
    const { ticket, payload } = found;
    const now = deps.clock.now();
    const { zone, left } = zoneOf(deps, ticket, payload.calendar_id);
    const remainingMs = left(now, payload.due_at);
    const due = new Date(payload.due_at).toISOString();
    await recordEvent(db, { ticketId: ticket.id, actorId: null, type: ESCALATION_WARNING_EVENT, after: { escalation_id: payload.escalation_id, due_at: due, remaining_ms: remainingMs }, at: now });
    await recordWorkflowEvent(db, {
      event: ESCALATION_WARNING_EVENT,
      ticketId: ticket.id,
      recipients: await slaAlertRecipients(db, ticket),
      payload: {
        metric: ESCALATION_METRIC,
        escalation_id: payload.escalation_id,
        reason: payload.reason,
        reason_label: payload.reason_label,
        raised_by: payload.raised_by,
        raised_at: new Date(payload.raised_at).toISOString(),
        due_at: due,
        remaining_ms: remainingMs,
        priority: ticket.priority,
        assignee_id: ticket.assignee_id,
        zone,
        calendar_id: payload.calendar_id,
        explanation: [`Escalated ${new Date(payload.raised_at).toISOString()}: ${payload.reason_label}`],
      },
      at: now,
    });
  };
}

/**
 * The breach of an escalation's response target, just after its due time with no answer: an audit entry
 * and an alert to whom the escalation alerted (the assignee's manager and support management) and webhooks.
 */
export function escalationBreachHandler(deps: AppDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const found = await stillWaiting(db, timer);
    if (!found) return;
    const { ticket, payload } = found;
    const now = deps.clock.now();
    const due = new Date(payload.due_at).toISOString();
    const overdueMs = zoneOf(deps, ticket, payload.calendar_id).left(payload.due_at, now);
    await recordEvent(db, {
      ticketId: ticket.id,
      actorId: null,
      type: ESCALATION_BREACHED_EVENT,
      after: { escalation_id: payload.escalation_id, due_at: due, reason: payload.reason },
      reason: `The escalation was not answered by its response due time (${due}).`,
      at: now,
    });
    const account = await db
      .selectFrom('accounts')
      .select(['primary_manager_id', 'secondary_manager_id', 'growth_manager_id'])
      .where('id', '=', ticket.account_id)
      .executeTakeFirstOrThrow();
    await recordWorkflowEvent(db, {
      event: 'escalation_breached',
      ticketId: ticket.id,
      recipients: await escalationRecipients(db, ticket, account, payload.notify ?? ['assignee_manager', 'support_management']),
      payload: {
        escalation_id: payload.escalation_id,
        reason: payload.reason,
        reason_label: payload.reason_label,
        raised_by: payload.raised_by,
        raised_at: new Date(payload.raised_at).toISOString(),
        due_at: due,
        calendar_id: payload.calendar_id,
        overdue_ms: overdueMs,
        priority: ticket.priority,
        assignee_id: ticket.assignee_id,
      },
      at: now,
    });
  };
}

/** An escalation's timers: the warning and the breach of its response target. */
export function registerEscalationTimerHandlers(registry: TimerHandlerRegistry, deps: AppDeps): void {
  registry.register(ESCALATION_TIMER_KINDS.escalationWarning, escalationWarningHandler(deps)).register(ESCALATION_TIMER_KINDS.escalationBreach, escalationBreachHandler(deps));
}
