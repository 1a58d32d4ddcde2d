import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CatalogPackVersion } from '../policy/catalog.js';
import { scheduleTimer } from '../timers/index.js';
import type { Notified } from './rules.js';

/** The timer kinds of an escalation's response target, keyed by the escalation's id. */
export const ESCALATION_TIMER_KINDS = {
  escalationWarning: 'escalation_warning',
  escalationBreach: 'escalation_breach',
} as const;

/** The response target is breached this long after its due time (an answer exactly at the due time meets it). */
const BREACH_AFTER_MS = 1;

/** What an escalation's warning and breach timers carry: the target they were set for and whom the breach alerts. */
export interface EscalationTimerPayload {
  escalation_id: string;
  raised_at: number;
  due_at: number;
  calendar_id: string;
  reason: string;
  reason_label: string;
  raised_by: string | null;
  notify: Notified[];
}

/**
 * Schedules the timers of an escalation's response target, keyed by the escalation's id on its
 * ticket: a warning at the pack's breach-warning share of the target (none when the pack sets no
 * share) and the breach just after the due time.
 */
export async function scheduleEscalationTimers(
  db: Kysely<Database>,
  version: Pick<CatalogPackVersion, 'breachWarningAt' | 'calendar'>,
  ticketId: string,
  target: EscalationTimerPayload & { duration_ms: number },
  now: number,
): Promise<void> {
  const { duration_ms: durationMs, ...payload } = target;
  const share = version.breachWarningAt;
  if (share !== null && share > 0 && share < 1) {
    const warningAt = version.calendar(target.calendar_id).addBusinessTime(target.raised_at, Math.round(durationMs * share));
    if (warningAt < target.due_at) {
      await scheduleTimer(db, { kind: ESCALATION_TIMER_KINDS.escalationWarning, subjectId: ticketId, key: target.escalation_id, dueAt: warningAt, payload, now });
    }
  }
  await scheduleTimer(db, { kind: ESCALATION_TIMER_KINDS.escalationBreach, subjectId: ticketId, key: target.escalation_id, dueAt: target.due_at + BREACH_AFTER_MS, payload, now });
}
