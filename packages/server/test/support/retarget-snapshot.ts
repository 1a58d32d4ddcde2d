import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

/**
 * What re-targeting may change on tickets, comparable across runs: the clock columns, the targets and
 * the timers (bookkeeping timestamps aside, which `refreshClocks` bumps on every call).
 */
export async function clockState(db: Kysely<Database>, ticketIds: readonly string[]) {
  const tickets = await db.selectFrom('tickets').select(['id', 'status', 'next_breach_at', 'first_due_at', 'clock_started_at']).where('id', 'in', [...ticketIds]).orderBy('id').execute();
  const targets = await db.selectFrom('sla_targets').selectAll().where('ticket_id', 'in', [...ticketIds]).orderBy('ticket_id').orderBy('metric').execute();
  const timers = await db
    .selectFrom('timers')
    .select(['subject_id', 'kind', 'key', 'due_at', 'state', 'payload'])
    .where('subject_id', 'in', [...ticketIds])
    .orderBy('subject_id')
    .orderBy('kind')
    .orderBy('key')
    .execute();
  return {
    tickets: tickets.map((t) => ({ ...t, next_breach_at: iso(t.next_breach_at), first_due_at: iso(t.first_due_at), clock_started_at: iso(t.clock_started_at) })),
    targets: targets.map(({ updated_at: _updated, ...t }) => ({
      ...t,
      duration_ms: t.duration_ms === null ? null : Number(t.duration_ms),
      paused_ms: Number(t.paused_ms),
      due_at: iso(t.due_at),
      warning_at: iso(t.warning_at),
      met_at: iso(t.met_at),
      breached_at: iso(t.breached_at),
      warned_at: iso(t.warned_at),
    })),
    timers: timers.map((t) => ({ ...t, due_at: iso(t.due_at) })),
  };
}

export type ClockState = Awaited<ReturnType<typeof clockState>>;

/** The part of a state that belongs to these tickets. */
export function stateOf(state: ClockState, ids: readonly string[]) {
  const keep = new Set(ids);
  return {
    tickets: state.tickets.filter((t) => keep.has(t.id)),
    targets: state.targets.filter((t) => keep.has(t.ticket_id)),
    timers: state.timers.filter((t) => keep.has(t.subject_id)),
  };
}
