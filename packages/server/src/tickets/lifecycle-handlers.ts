import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import { recordEvent } from './access.js';
import { versionOf } from './clocks.js';
import { checkTransition } from './domain/index.js';
import { loadTicketFacts } from './facts.js';
import { changeStatus, refreshClocks } from './refresh.js';
import type { Timer, TransactionalHandler } from '../timers/index.js';
import { recordWorkflowEvent } from '../workflow/events.js';
import { lockTicket } from './lock.js';
import { formatZoned } from '../notify/templates/format.js';
import { recipientLocale, translator } from '../i18n/index.js';
import { readerZone } from '../workflow/template-data.js';
import { pendingSince, type PendingTimerPayload } from './ticket-timers.js';

export const PENDING_REMINDER_EVENT = 'pending_reminder';
export const AUTO_SOLVED_EVENT = 'auto_solved';

/** The ticket, if it is still in the pending stretch the timer was set for; otherwise the timer has nothing to do. */
async function stillPending(db: Kysely<Database>, timer: Timer) {
  const payload = timer.payload as Partial<PendingTimerPayload>;
  const ticket = await lockTicket(db, timer.subjectId);
  if (!ticket || ticket.status !== 'pending') return null;
  const facts = await loadTicketFacts(db, ticket);
  if (pendingSince(facts, ticket.updated_at.getTime()) !== payload.pending_since) return null;
  return { ticket, payload: payload as PendingTimerPayload };
}

/**
 * The reminder after the pack's pending days: a public comment from the desk on the ticket, an audit
 * entry, and an email to the requester saying when the ticket will be solved without a reply.
 */
export function pendingReminderHandler(deps: AppDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const found = await stillPending(db, timer);
    if (!found) return;
    const { ticket, payload } = found;
    const now = deps.clock.now();
    const lifecycle = versionOf(deps.registry, ticket).lifecycle!;
    const zone = versionOf(deps.registry, ticket).calendar(lifecycle.calendar).zone;
    // The comment is for the requester: their zone, named.
    const requester = await db.selectFrom('users').select(['zone', 'locale', 'role']).where('id', '=', ticket.requester_id).executeTakeFirst();
    // …and their language.
    const locale = recipientLocale(requester ?? { locale: null, role: 'customer' }, ticket.language);
    const solveOn = formatZoned(payload.auto_solve_at, readerZone(requester?.zone, zone), locale);
    const body = translator(locale).t('ticket.pendingReminder.comment', { date: solveOn, days: lifecycle.auto_solve_business_days });
    await db
      .insertInto('ticket_comments')
      .values({ ticket_id: ticket.id, author_id: null, public: true, body, channel: 'web', created_at: new Date(now) })
      .execute();
    await recordEvent(db, { ticketId: ticket.id, actorId: null, type: PENDING_REMINDER_EVENT, after: { auto_solve_at: new Date(payload.auto_solve_at).toISOString() }, at: now });
    await recordWorkflowEvent(db, {
      event: 'pending_reminder',
      ticketId: ticket.id,
      recipients: [{ user_id: ticket.requester_id }],
      payload: { auto_solve_at: new Date(payload.auto_solve_at).toISOString(), zone },
      at: now,
    });
  };
}

/** The automatic solve after the pack's days without a reply: status solved by the desk, with its audit entries and an email. */
export function autoSolveHandler(deps: AppDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const found = await stillPending(db, timer);
    if (!found) return;
    const now = deps.clock.now();
    const move = checkTransition(found.ticket.status, 'solved', 'system');
    if (!move.ok) return;
    const lifecycle = versionOf(deps.registry, found.ticket).lifecycle!;
    const solved = await changeStatus(db, null, found.ticket, 'solved', now);
    await recordEvent(db, {
      ticketId: solved.id,
      actorId: null,
      type: AUTO_SOLVED_EVENT,
      before: { status: 'pending' },
      after: { status: 'solved' },
      reason: `No reply from the requester for ${lifecycle.auto_solve_business_days} business days while the ticket was pending.`,
      at: now,
    });
    await refreshClocks(deps, db, solved);
    await recordWorkflowEvent(db, {
      event: 'auto_solved',
      ticketId: solved.id,
      recipients: [{ user_id: solved.requester_id }],
      payload: { pending_business_days: lifecycle.auto_solve_business_days },
      at: now,
    });
  };
}
