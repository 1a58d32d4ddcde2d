import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { targetRow } from '../tickets/clocks.js';
import type { TargetView } from '../sla/index.js';

type TargetRow = ReturnType<typeof targetRow>;

/**
 * Stores many tickets' targets in one statement, as `storeTargets` stores one ticket's (the same
 * rows, `targetRow`, and the same columns replaced on conflict); arrays instead of one parameter per
 * value, so a batch of thousands stays within the protocol's parameter limit.
 */
export async function storeTargetsOfMany(db: Kysely<Database>, targets: readonly { ticketId: string; targets: readonly TargetView[] }[], now: number): Promise<void> {
  const at = new Date(now);
  const rows: TargetRow[] = targets.flatMap((t) => t.targets.map((target) => targetRow(t.ticketId, target, at)));
  if (rows.length === 0) return;
  const column = <K extends keyof TargetRow>(key: K) => rows.map((r) => r[key]);
  const ms = (values: (Date | null)[]) => values.map((v) => (v === null ? null : v.getTime()));
  const time = (name: string) => sql.raw(`case when m.${name} is null then null else to_timestamp(m.${name} / 1000.0) end`);
  await sql`
    insert into sla_targets (ticket_id, metric, calendar_id, duration_ms, state, due_at, warning_at, met_at, breached_at, paused_ms, inputs, warned_at, updated_at)
    select m.ticket_id, m.metric, m.calendar_id, m.duration_ms, m.state, ${time('due_ms')}, ${time('warning_ms')}, ${time('met_ms')}, ${time('breached_ms')},
           m.paused_ms, m.inputs::jsonb, null, ${at}
    from unnest(${column('ticket_id')}::uuid[], ${column('metric')}::text[], ${column('calendar_id')}::text[], ${column('duration_ms')}::bigint[],
                ${column('state')}::text[], ${ms(column('due_at'))}::float8[], ${ms(column('warning_at'))}::float8[], ${ms(column('met_at'))}::float8[],
                ${ms(column('breached_at'))}::float8[], ${column('paused_ms')}::bigint[], ${column('inputs')}::text[])
      as m(ticket_id, metric, calendar_id, duration_ms, state, due_ms, warning_ms, met_ms, breached_ms, paused_ms, inputs)
    on conflict (ticket_id, metric) do update set
      calendar_id = excluded.calendar_id, duration_ms = excluded.duration_ms, state = excluded.state, due_at = excluded.due_at,
      warning_at = excluded.warning_at, met_at = excluded.met_at, breached_at = excluded.breached_at, paused_ms = excluded.paused_ms,
      inputs = excluded.inputs, updated_at = excluded.updated_at`.execute(db);
}

/** The clock columns `refreshClocks` sets on a ticket. */
export interface TicketClockColumns {
  id: string;
  next_breach_at: Date | null;
  first_due_at: Date | null;
  clock_started_at: Date | null;
}

/** Sets many tickets' clock columns (and `updated_at`, as `refreshClocks` does) in one statement. */
export async function storeClockColumns(db: Kysely<Database>, tickets: readonly TicketClockColumns[], now: number): Promise<void> {
  if (tickets.length === 0) return;
  const ms = (pick: (t: TicketClockColumns) => Date | null) => tickets.map((t) => pick(t)?.getTime() ?? null);
  const time = (name: string) => sql.raw(`case when m.${name} is null then null else to_timestamp(m.${name} / 1000.0) end`);
  await sql`
    update tickets t set next_breach_at = ${time('next_ms')}, first_due_at = ${time('first_ms')}, clock_started_at = ${time('started_ms')}, updated_at = ${new Date(now)}
    from unnest(${tickets.map((t) => t.id)}::uuid[], ${ms((t) => t.next_breach_at)}::float8[], ${ms((t) => t.first_due_at)}::float8[], ${ms((t) => t.clock_started_at)}::float8[])
      as m(id, next_ms, first_ms, started_ms)
    where t.id = m.id`.execute(db);
}
