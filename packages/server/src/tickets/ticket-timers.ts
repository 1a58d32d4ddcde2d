import type { Kysely } from 'kysely';
import type { Database, Ticket } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import type { TargetView } from '../sla/index.js';
import { versionOf } from './clocks.js';
import { pendingTimers } from './domain/index.js';
import type { ClockFacts } from './facts.js';
import { cancelTimers, scheduleTimer } from '../timers/index.js';

/** The timer kinds of a ticket's promises. Breach timers are keyed by the target's metric. */
export const TICKET_TIMER_KINDS = {
  breachWarning: 'breach_warning',
  breach: 'breach',
  pendingReminder: 'pending_reminder',
  autoSolve: 'auto_solve',
} as const;

export const PENDING_KINDS = [TICKET_TIMER_KINDS.pendingReminder, TICKET_TIMER_KINDS.autoSolve] as const;
export const BREACH_KINDS = [TICKET_TIMER_KINDS.breachWarning, TICKET_TIMER_KINDS.breach] as const;

/** The breach timer fires this long after the due time: the first instant at which the target counts as breached. */
export const BREACH_AFTER_MS = 1;

export interface BreachTimerPayload {
  metric: string;
  due_at: number;
}

export interface PendingTimerPayload {
  pending_since: number;
  remind_at: number;
  auto_solve_at: number;
}

/** One step of bringing a ticket's timers in line: schedule (or move) one timer, or cancel timers. */
export type TicketTimerStep =
  | { op: 'schedule'; kind: string; key: string; dueAt: number; payload: BreachTimerPayload | PendingTimerPayload }
  /** Cancels the ticket's timers of these kinds that have not fired; of these keys only, or of every key when `keys` is absent. */
  | { op: 'cancel'; kinds: readonly string[]; keys?: readonly string[] };

/**
 * What `syncTicketTimers` does to a ticket's timers, as a list of steps in order (pure): each running
 * target has a breach warning at its warning point and a breach just after its due time; a paused,
 * met or guarantee-free target has none. A pending ticket whose pack has lifecycle rules has a
 * reminder and an automatic solve counted from when it went pending; any other status cancels them.
 * The bulk re-targeting of a calendar change applies the same steps set-based.
 */
export function ticketTimerSteps(
  registry: PolicyCatalog,
  ticket: Pick<Ticket, 'status' | 'pack_id' | 'pack_version' | 'created_at'>,
  targets: readonly TargetView[],
  facts: Pick<ClockFacts, 'statusHistory'>,
  now: number,
): TicketTimerStep[] {
  const steps: TicketTimerStep[] = [];
  for (const target of targets) {
    const plan = breachTimersOf(ticket, target);
    if (plan.warningAt === null) steps.push({ op: 'cancel', kinds: plan.breachAt === null ? BREACH_KINDS : [TICKET_TIMER_KINDS.breachWarning], keys: [target.metric] });
    if (plan.breachAt === null) continue;
    if (plan.warningAt !== null) steps.push({ op: 'schedule', kind: TICKET_TIMER_KINDS.breachWarning, key: target.metric, dueAt: plan.warningAt, payload: plan.payload! });
    steps.push({ op: 'schedule', kind: TICKET_TIMER_KINDS.breach, key: target.metric, dueAt: plan.breachAt, payload: plan.payload! });
  }
  steps.push(...pendingTimerSteps(registry, ticket, facts, now));
  return steps;
}

/**
 * Brings a ticket's timers in line with its targets and status, in the transaction that changed them
 * (see `ticketTimerSteps`): moved when a due time moves. Timers that already fired for the same
 * instant stay fired.
 */
export async function syncTicketTimers(
  registry: PolicyCatalog,
  db: Kysely<Database>,
  ticket: Pick<Ticket, 'id' | 'status' | 'pack_id' | 'pack_version' | 'created_at'>,
  targets: readonly TargetView[],
  facts: Pick<ClockFacts, 'statusHistory'>,
  now: number,
): Promise<void> {
  for (const step of ticketTimerSteps(registry, ticket, targets, facts, now)) {
    if (step.op === 'cancel') await cancelTimers(db, { subjectId: ticket.id, kinds: step.kinds, ...(step.keys ? { keys: step.keys } : {}), now });
    else await scheduleTimer(db, { kind: step.kind, subjectId: ticket.id, key: step.key, dueAt: step.dueAt, payload: step.payload, now });
  }
}

/**
 * When a target's warning and breach fire: none for a paused, met or guarantee-free target, or a
 * closed ticket; no warning once the target is breached. A target is breached once its due time has
 * passed (a reply exactly at the due time meets it).
 */
export function breachTimersOf(ticket: Pick<Ticket, 'status'>, target: TargetView): { warningAt: number | null; breachAt: number | null; payload: BreachTimerPayload | null } {
  const closed = ticket.status === 'solved' || ticket.status === 'closed';
  const running = !closed && target.due_at !== null && target.met_at === null && (target.state === 'active' || target.state === 'breached');
  if (!running) return { warningAt: null, breachAt: null, payload: null };
  return {
    warningAt: target.warning_at !== null && target.state === 'active' ? target.warning_at : null,
    breachAt: target.due_at! + BREACH_AFTER_MS,
    payload: { metric: target.metric, due_at: target.due_at! },
  };
}

/**
 * The timer rows of a ticket just opened (status `new`, so no lifecycle timers), for the statement that
 * creates the ticket: the same timers `syncTicketTimers` would schedule, without the round trips.
 */
export function newTicketTimerRows(ticket: Pick<Ticket, 'id' | 'status'>, targets: readonly TargetView[], now: number) {
  const at = new Date(now);
  const rows: { kind: string; subject_type: string; subject_id: string; key: string; due_at: Date; payload: string; created_at: Date; updated_at: Date }[] = [];
  const row = (kind: string, key: string, dueAt: number, payload: unknown) =>
    rows.push({ kind, subject_type: 'ticket', subject_id: ticket.id, key, due_at: new Date(dueAt), payload: JSON.stringify(payload), created_at: at, updated_at: at });
  for (const target of targets) {
    const plan = breachTimersOf(ticket, target);
    if (plan.warningAt !== null) row(TICKET_TIMER_KINDS.breachWarning, target.metric, plan.warningAt, plan.payload);
    if (plan.breachAt !== null) row(TICKET_TIMER_KINDS.breach, target.metric, plan.breachAt, plan.payload);
  }
  return rows;
}

function pendingTimerSteps(
  registry: PolicyCatalog,
  ticket: Pick<Ticket, 'status' | 'pack_id' | 'pack_version' | 'created_at'>,
  facts: Pick<ClockFacts, 'statusHistory'>,
  now: number,
): TicketTimerStep[] {
  const lifecycle = ticket.status === 'pending' ? versionOf(registry, ticket).lifecycle : null;
  const since = lifecycle ? pendingSince(facts, now) : null;
  if (!lifecycle || since === null) return [{ op: 'cancel', kinds: PENDING_KINDS }];
  const calendar = versionOf(registry, ticket).calendar(lifecycle.calendar);
  const due = pendingTimers(since, lifecycle, calendar);
  const payload: PendingTimerPayload = { pending_since: since, remind_at: due.remind_at, auto_solve_at: due.auto_solve_at };
  return [
    { op: 'schedule', kind: TICKET_TIMER_KINDS.pendingReminder, key: '', dueAt: due.remind_at, payload },
    { op: 'schedule', kind: TICKET_TIMER_KINDS.autoSolve, key: '', dueAt: due.auto_solve_at, payload },
  ];
}

/** When the current pending stretch began: the last move into pending in the status history. */
export function pendingSince(facts: Pick<ClockFacts, 'statusHistory'>, fallback: number): number | null {
  const history = facts.statusHistory;
  const last = history[history.length - 1];
  if (!last) return fallback;
  if (last.status !== 'pending') return null;
  let start = last.at;
  for (let i = history.length - 2; i >= 0 && history[i]!.status === 'pending'; i--) start = history[i]!.at;
  return start;
}
