import { sql, type Kysely } from 'kysely';
import type { Database, SlaTargetRow, Ticket } from '../db/schema.js';
import { earliest } from '../tickets/escalations.js';
import type { AppDeps } from '../http/deps.js';
import { pinnedVersion } from '../policy/catalog.js';
import type { TargetView } from '../sla/index.js';
import { type ClockTicket, clockColumns, targetsOf } from '../tickets/clocks.js';
import { loadClockFacts } from '../tickets/facts.js';
import { cancelTimerSets, scheduleTimers, type TimerCancel } from '../timers/schedule.js';
import type { ScheduleTimerInput } from '../timers/index.js';
import { ticketTimerSteps } from '../tickets/ticket-timers.js';
import { type AffectedTickets, affectedTickets, PLAN_PRIORITY_SEPARATOR } from './affected.js';
import { storeClockColumns, storeTargetsOfMany, type TicketClockColumns } from './writes.js';
import { anyOf } from '../db/any-of.js';

/** Calendars of one pack version that changed (an operator edited them, or an admin did). */
export interface CalendarChange {
  packId: string;
  packVersion: string;
  calendarIds: readonly string[];
}

export interface RetargetReport {
  /** Open tickets whose targets were recomputed (they depend on a changed calendar). */
  examined: number;
  /** Those whose stored targets or clock columns changed and were written. */
  tickets: number;
  /** Timers created, moved or armed again, and cancelled. */
  timersMoved: number;
  timersCancelled: number;
  batches: number;
  /**
   * Tickets whose targets cannot be computed under the changed pack (e.g. their plan was taken out of
   * the file): left as they were, counted, the first few named with the reason.
   */
  failed: number;
  failures: { ticketId: string; message: string }[];
}

const MAX_FAILURES_NAMED = 20;

export interface RetargetOptions {
  /** Tickets per batch (one transaction each); memory stays bounded by it. Default 5,000. */
  batchSize?: number;
  /**
   * Batches in flight at once, each in its own transaction on its own connection (default 1). More
   * than one needs a pool of as many connections (PostgreSQL); the embedded database has one.
   */
  concurrency?: number;
  /**
   * Batches commit without waiting for their WAL to reach the disk (PostgreSQL's `synchronous_commit =
   * off`, for those transactions only). Only for a caller that commits durably after the last batch
   * and runs the re-targeting again when that commit is missing: `retargetChangedCalendars`, which
   * stores the calendar fingerprints last (see `batchSettings`). Default false.
   */
  asyncCommit?: boolean;
  /** Called after each batch commits, for progress. */
  onBatch?: (report: RetargetReport) => void;
}

type Deps = Pick<AppDeps, 'registry' | 'clock'>;

/** What re-targeting reads of a ticket: what its clocks and timers depend on, and the clock columns stored. */
const RETARGET_COLUMNS = [
  'id', 'status', 'pack_id', 'pack_version', 'plan', 'priority', 'channel', 'created_at', 'intake_completed_at',
  'next_breach_at', 'first_due_at', 'clock_started_at',
] as const satisfies readonly (keyof Ticket)[];
/** What `sameTargets` compares of the stored targets. */
const STORED_TARGET_COLUMNS = [
  'ticket_id', 'metric', 'calendar_id', 'duration_ms', 'state', 'due_at', 'warning_at', 'met_at', 'breached_at', 'paused_ms', 'inputs',
] as const satisfies readonly (keyof SlaTargetRow)[];
type StoredTarget = Pick<SlaTargetRow, (typeof STORED_TARGET_COLUMNS)[number]>;
type RetargetTicket = ClockTicket & Pick<Ticket, 'status' | 'next_breach_at' | 'first_due_at' | 'clock_started_at'>;

/**
 * Re-targets every open ticket whose targets count on a changed calendar: the tickets pinned to the
 * pack version whose plan × priority use one of its calendars (and its pending tickets when the
 * lifecycle rules do). Each ticket's targets are recomputed from its stored facts with the code
 * `refreshClocks` runs (`targetsOf`, `clockColumns`, `ticketTimerSteps`), and where they differ from
 * what is stored, the targets, the ticket's clock columns and its timers are written as
 * `refreshClocks` writes them, set-based. Tickets are read in keyset-paged batches (by id), each batch
 * locked and written in one transaction, so commands on the same tickets wait for it, and memory
 * stays bounded (batch size × concurrency). Like `refreshClocks`, it writes no audit entry. Safe to
 * run again: a second run finds nothing to change.
 *
 * @example
 * // An admin added a holiday to calendar `twilio-business-hours` of twilio version 2025-04:
 * await retargetCalendars({ registry, clock }, db, [{ packId: 'twilio', packVersion: '2025-04', calendarIds: ['twilio-business-hours'] }]);
 */
export async function retargetCalendars(deps: Deps, db: Kysely<Database>, changes: readonly CalendarChange[], options: RetargetOptions = {}): Promise<RetargetReport> {
  const report: RetargetReport = { examined: 0, tickets: 0, timersMoved: 0, timersCancelled: 0, batches: 0, failed: 0, failures: [] };
  const batchSize = options.batchSize ?? 5_000;
  for (const change of changes) {
    const version = pinnedVersion(deps.registry, change.packId, change.packVersion);
    const affected = affectedTickets(version, new Set(change.calendarIds));
    if (!affected.pending && affected.planPriorities.length === 0) continue;
    let after: string | null = null;
    let exhausted = false;
    let turn = Promise.resolve();
    // Pages are taken in id order, one taker at a time; each is locked, recomputed and written in its own transaction.
    const worker = async () => {
      try {
        await takeBatches();
      } finally {
        // A failed batch stops the others too (its error is the caller's); the committed ones stand.
        exhausted = true;
      }
    };
    const takeBatches = async () => {
      while (!exhausted) {
        const took = await db.transaction().execute(async (trx) => {
          await batchSettings(trx, options.asyncCommit === true);
          let release!: () => void;
          const previous = turn;
          turn = new Promise<void>((resolve) => (release = resolve));
          let tickets: RetargetTicket[];
          try {
            await previous;
            if (exhausted) return false;
            tickets = await affectedPage(trx, change, affected, after, batchSize).execute();
            if (tickets.length === 0) {
              exhausted = true;
              return false;
            }
            after = tickets[tickets.length - 1]!.id;
          } finally {
            release();
          }
          await retargetBatch(deps, trx, tickets, report);
          return true;
        });
        if (!took) break;
        report.batches += 1;
        options.onBatch?.({ ...report });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  }
  return report;
}

/**
 * The statement a batch starts with: the next `limit` open tickets of the changed version (by id,
 * after `after`) whose targets count on a changed calendar, locked. Run in a transaction set up by
 * `batchSettings`, it walks the (pack_id, pack_version, id) index from `after` on, whatever the
 * statistics say, rather than scanning and sorting every open ticket of the version for each batch.
 */
export function affectedPage(trx: Kysely<Database>, change: CalendarChange, affected: AffectedTickets, after: string | null, limit: number) {
  let query = trx
    .selectFrom('tickets')
    .select(RETARGET_COLUMNS)
    .where('pack_id', '=', change.packId)
    .where('pack_version', '=', change.packVersion)
    .where('status', 'not in', ['solved', 'closed'])
    // Plan by plan (not one expression over both columns), so the planner can also estimate it from the columns' statistics.
    .where((eb) => {
      const byPlan = [...groupPriorities(affected.planPriorities)].map(([plan, priorities]) => eb.and([eb('plan', '=', plan), eb('priority', 'in', priorities)]));
      return eb.or(affected.pending ? [...byPlan, eb('status', '=', 'pending')] : byPlan);
    });
  if (after !== null) query = query.where('id', '>', after);
  return query.orderBy('id').limit(limit).forUpdate();
}

/** Recomputes one batch of locked tickets and writes those that changed. */
async function retargetBatch(deps: Deps, db: Kysely<Database>, tickets: readonly RetargetTicket[], report: RetargetReport): Promise<void> {
  const now = deps.clock.now();
  const ids = tickets.map((t) => t.id);
  // One array parameter rather than one per ticket: thousands of ids stay one cheap statement to bind and plan.
  const anyId = anyOf(ids, 'uuid');
  const [facts, stored, escalations] = await Promise.all([
    loadClockFacts(db, ids),
    db.selectFrom('sla_targets').select(STORED_TARGET_COLUMNS).where('ticket_id', '=', anyId).execute(),
    db
      .selectFrom('escalations')
      .select(['ticket_id', (eb) => eb.fn.min('due_at').as('due')])
      .where('ticket_id', '=', anyId)
      .where('responded_at', 'is', null)
      .groupBy('ticket_id')
      .execute(),
  ]);
  const storedBy = groupBy(stored, (r) => r.ticket_id);
  const escalationDue = new Map(escalations.map((e) => [e.ticket_id, e.due ? new Date(e.due) : null]));
  const changedTargets: { ticketId: string; targets: TargetView[] }[] = [];
  const columns: TicketClockColumns[] = [];
  const schedules: ScheduleTimerInput[] = [];
  const cancels: TimerCancel[] = [];
  for (const ticket of tickets) {
    report.examined += 1;
    const ticketFacts = facts.get(ticket.id)!;
    let targets: TargetView[];
    let steps: ReturnType<typeof ticketTimerSteps>;
    try {
      targets = targetsOf(deps.registry, ticket, ticketFacts, now);
      steps = ticketTimerSteps(deps.registry, ticket, targets, ticketFacts, now);
    } catch (error) {
      report.failed += 1;
      if (report.failures.length < MAX_FAILURES_NAMED) report.failures.push({ ticketId: ticket.id, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const clock = clockColumns(targets);
    // An escalation still waiting for its response counts in the ticket's time to breach (as in refreshClocks).
    clock.first_due_at = earliest(clock.first_due_at, escalationDue.get(ticket.id) ?? null);
    if (sameTargets(storedBy.get(ticket.id) ?? [], targets) && sameColumns(ticket, clock)) continue;
    changedTargets.push({ ticketId: ticket.id, targets });
    columns.push({ id: ticket.id, ...clock });
    for (const step of steps) {
      if (step.op === 'schedule') schedules.push({ kind: step.kind, subjectId: ticket.id, key: step.key, dueAt: step.dueAt, payload: step.payload });
      else for (const kind of step.kinds) for (const key of step.keys ?? [null]) cancels.push({ subjectId: ticket.id, kind, key });
    }
  }
  if (changedTargets.length === 0) return;
  await storeTargetsOfMany(db, changedTargets, now);
  await storeClockColumns(db, columns, now);
  // Cancels before schedules, as each ticket's steps are ordered: no step cancels a timer a later one schedules.
  const cancelled = await cancelTimerSets(db, cancels, { now });
  const moved = await scheduleTimers(db, schedules, { now });
  // Counted after the awaits: batches run side by side, and `x += await …` would lose their counts.
  report.timersCancelled += cancelled;
  report.timersMoved += moved;
  report.tickets += changedTargets.length;
}

/** Whether the stored rows already hold what `refreshClocks` would store (`targetRow`; its bookkeeping columns aside). */
function sameTargets(stored: readonly StoredTarget[], targets: readonly TargetView[]): boolean {
  if (stored.length !== targets.length) return false;
  const byMetric = new Map(stored.map((r) => [r.metric, r]));
  return targets.every((target) => {
    const have = byMetric.get(target.metric);
    if (!have) return false;
    const inputs = have.inputs as Record<string, unknown> | null;
    return (
      have.calendar_id === target.calendar_id &&
      numberOrNull(have.duration_ms) === target.duration_ms &&
      have.state === target.state &&
      instantIs(have.due_at, target.due_at) &&
      instantIs(have.warning_at, target.warning_at) &&
      instantIs(have.met_at, target.met_at) &&
      instantIs(have.breached_at, target.breached_at) &&
      Number(have.paused_ms) === target.paused_ms &&
      (inputs?.none_reason ?? null) === target.none_reason &&
      (inputs?.started_at ?? null) === target.started_at
    );
  });
}

function sameColumns(ticket: RetargetTicket, clock: Omit<TicketClockColumns, 'id'>): boolean {
  return sameInstant(ticket.next_breach_at, clock.next_breach_at) && sameInstant(ticket.first_due_at, clock.first_due_at) && sameInstant(ticket.clock_started_at, clock.clock_started_at);
}

const sameInstant = (a: Date | null, b: Date | null): boolean => (a === null || b === null ? a === b : a.getTime() === b.getTime());
const instantIs = (a: Date | null, b: number | null): boolean => (a === null || b === null ? a === null && b === null : a.getTime() === b);
const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Settings of a batch's transaction (`set local`: they end with it).
 *
 * Every statement of a batch reads or writes rows by key (the batch's tickets, their targets, their
 * timers), a few thousand rows of tables that hold millions. Left to itself the planner sometimes
 * joins a batch to a whole table with a hash join (a full scan per batch, so a re-targeting of N
 * tickets costs N² / batch); the batch looks rows up by their indexes instead.
 *
 * With `asyncCommit`, a batch's commit does not wait for its WAL to reach the disk. No
 * acknowledged data can be lost by it: the WAL is one ordered log, so any later commit that does wait
 * (a command on a re-targeted ticket, or the stored calendar fingerprints, which `retargetChangedCalendars`
 * writes after the last batch in an ordinary commit) makes every batch before it durable. A crash
 * before that can only lose re-targeted batches whose calendar fingerprints were not stored, and the
 * next start re-targets those tickets again (a run is idempotent).
 */
export async function batchSettings(trx: Kysely<Database>, asyncCommit: boolean): Promise<void> {
  await sql`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('enable_seqscan', 'off', true),
    set_config('synchronous_commit', ${asyncCommit ? 'off' : 'on'}, true)`.execute(trx);
}

/** `plan\u001fpriority` keys as the priorities of each plan. */
function groupPriorities(keys: readonly string[]): Map<string, string[]> {
  const byPlan = new Map<string, string[]>();
  for (const key of keys) {
    const [plan, priority] = key.split(PLAN_PRIORITY_SEPARATOR) as [string, string];
    byPlan.set(plan, [...(byPlan.get(plan) ?? []), priority]);
  }
  return byPlan;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
