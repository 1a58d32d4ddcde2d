import type { Kysely, Transaction } from 'kysely';
import type { Database, Ticket } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import { recordEvent } from './access.js';
import { explainTicketTarget, targetsOf, versionOf } from './clocks.js';
import { loadTicketFacts } from './facts.js';
import { refreshClocks } from './refresh.js';
import type { Timer, TransactionalHandler } from '../timers/index.js';
import { recordWorkflowEvent, slaAlertRecipients } from '../workflow/events.js';
import { lockTicket } from './lock.js';
import type { BreachTimerPayload } from './ticket-timers.js';
import { explanationLines as explanationLinesIn, type ExplanationStep, firstSteps } from '../sla/explain-text.js';

export const BREACH_WARNING_EVENT = 'breach_warning';
export const BREACHED_EVENT = 'breached';
const MAX_EXPLANATION_LINES = 24;

/** The ticket and its target, if the target is still owed at the due time the timer was set for. */
async function stillOwed(db: Kysely<Database>, timer: Timer) {
  const payload = timer.payload as Partial<BreachTimerPayload>;
  if (typeof payload.metric !== 'string' || typeof payload.due_at !== 'number') return null;
  const ticket = await lockTicket(db, timer.subjectId);
  if (!ticket || ticket.status === 'solved' || ticket.status === 'closed') return null;
  const target = await db.selectFrom('sla_targets').selectAll().where('ticket_id', '=', ticket.id).where('metric', '=', payload.metric).executeTakeFirst();
  if (!target || target.met_at !== null || target.due_at?.getTime() !== payload.due_at) return null;
  if (target.state !== 'active' && target.state !== 'breached') return null;
  return { ticket, target, payload: payload as BreachTimerPayload };
}

/**
 * The engine's account of a due time, as stored with the alert: its first steps (emails phrase them
 * in each reader's language) and the same steps as English lines (for webhooks).
 */
async function explanationLines(deps: AppDeps, db: Kysely<Database>, ticket: Ticket, metric: string, now: number) {
  const facts = await loadTicketFacts(db, ticket);
  const explained = explainTicketTarget(deps.registry, ticket, facts, metric, now);
  const all: ExplanationStep[] = [
    ...explained.open.map((s): ExplanationStep => ({ kind: 'counted', from: s.local_start, to: s.local_end, duration_ms: Date.parse(s.end) - Date.parse(s.start) })),
    ...explained.closed.map((c): ExplanationStep => ({ kind: 'skipped', from: c.local_start, to: c.local_end, reason: c.reason, name: c.name })),
  ];
  const { steps, hidden } = firstSteps(all, MAX_EXPLANATION_LINES);
  const moreUrl = `/api/v1/tickets/${ticket.id}/targets/${metric}/explain`;
  const lines = explanationLinesIn('en', steps, explained.zone, { max: MAX_EXPLANATION_LINES, moreUrl, hidden });
  return { zone: explained.zone, calendar: explained.calendar, lines, steps, hidden };
}

/** The breach warning at the pack's share of a target: an audit entry and an alert to the assignee, their manager, support management and webhooks. */
export function breachWarningHandler(deps: AppDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const found = await stillOwed(db, timer);
    if (!found || found.target.state !== 'active') return;
    const { ticket, target, payload } = found;
    const now = deps.clock.now();
    // A calendar changed since the due time was stored (a holiday added): the warning follows the
    // due time as it is now, so it is moved there (by refreshClocks) instead of sent for the old one.
    const recomputed = targetsOf(deps.registry, ticket, await loadTicketFacts(db, ticket), now).find((t) => t.metric === payload.metric);
    if (recomputed?.due_at !== payload.due_at) {
      await refreshClocks(deps, db, ticket);
      return;
    }
    const remainingMs = Math.max(0, target.calendar_id === null ? payload.due_at - now : businessTimeLeft(deps, ticket, target.calendar_id, now, payload.due_at));
    await db.updateTable('sla_targets').set({ warned_at: new Date(now) }).where('ticket_id', '=', ticket.id).where('metric', '=', payload.metric).execute();
    const due = new Date(payload.due_at).toISOString();
    await recordEvent(db, { ticketId: ticket.id, actorId: null, type: BREACH_WARNING_EVENT, after: { metric: payload.metric, due_at: due, remaining_ms: remainingMs }, at: now });
    const explanation = await explanationLines(deps, db, ticket, payload.metric, now);
    await recordWorkflowEvent(db, {
      event: 'breach_warning',
      ticketId: ticket.id,
      recipients: await slaAlertRecipients(db, ticket),
      payload: { metric: payload.metric, due_at: due, remaining_ms: remainingMs, priority: ticket.priority, assignee_id: ticket.assignee_id, ...explanationPayload(explanation) },
      at: now,
    });
  };
}

/** The breach at a target's due time: the target is marked breached, with an audit entry and the same alerts as the warning. */
export function breachHandler(deps: AppDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const found = await stillOwed(db, timer);
    if (!found) return;
    const { ticket, payload } = found;
    const now = deps.clock.now();
    const { targets } = await refreshClocks(deps, db, ticket);
    // The stored due time may predate a calendar change (a holiday added): only a target that is
    // breached at the due time this timer was set for is recorded. When the due time moved,
    // refreshClocks has just moved this timer to it, and it fires again then.
    const recomputed = targets.find((t) => t.metric === payload.metric);
    if (!recomputed || recomputed.state !== 'breached' || recomputed.met_at !== null || recomputed.due_at !== payload.due_at) return;
    const due = new Date(payload.due_at).toISOString();
    await recordEvent(db, { ticketId: ticket.id, actorId: null, type: BREACHED_EVENT, after: { metric: payload.metric, due_at: due }, at: now });
    const explanation = await explanationLines(deps, db, ticket, payload.metric, now);
    await recordWorkflowEvent(db, {
      event: 'breached',
      ticketId: ticket.id,
      recipients: await slaAlertRecipients(db, ticket),
      payload: { metric: payload.metric, due_at: due, priority: ticket.priority, assignee_id: ticket.assignee_id, ...explanationPayload(explanation) },
      at: now,
    });
  };
}

function explanationPayload(explanation: { zone: string; calendar: string; lines: string[]; steps: ExplanationStep[]; hidden: number }) {
  return { zone: explanation.zone, calendar_id: explanation.calendar, explanation: explanation.lines, explanation_steps: explanation.steps, explanation_hidden: explanation.hidden };
}

function businessTimeLeft(deps: AppDeps, ticket: Ticket, calendarId: string, now: number, due: number): number {
  if (now >= due) return 0;
  return versionOf(deps.registry, ticket).calendar(calendarId).businessTimeBetween(now, due);
}
