import { formatDuration, formatInstant } from '@hourglass/engine';
import { sql, type Kysely } from 'kysely';
import type { Database, Ticket } from '../db/schema.js';
import { AppError } from '../errors.js';
import { type CatalogPackVersion, type PolicyCatalog, pinnedVersion } from '../policy/catalog.js';
import { computeTargets, explainTarget, nextDeadline, type TargetView, type TicketClockInput } from '../sla/index.js';
import type { ClockFacts } from './facts.js';
import type { TargetJson } from './schemas.js';

/** The ticket fields the clocks read. */
export type ClockTicket = Pick<Ticket, 'id' | 'pack_id' | 'pack_version' | 'plan' | 'priority' | 'channel' | 'created_at' | 'intake_completed_at'>;

export function versionOf(registry: PolicyCatalog, ticket: Pick<Ticket, 'pack_id' | 'pack_version' | 'created_at'>): CatalogPackVersion {
  return pinnedVersion(registry, ticket.pack_id, ticket.pack_version);
}

export function clockInput(registry: PolicyCatalog, ticket: ClockTicket, facts: ClockFacts, now: number): TicketClockInput {
  return {
    pack: versionOf(registry, ticket),
    plan: ticket.plan,
    priority: ticket.priority,
    channel: ticket.channel,
    created_at: ticket.created_at.getTime(),
    intake_completed_at: ticket.intake_completed_at?.getTime() ?? null,
    status_history: facts.statusHistory,
    agent_activity: facts.agentActivity,
    now,
  };
}

/** Every target of the ticket as of `now`, from its facts. */
export function targetsOf(registry: PolicyCatalog, ticket: ClockTicket, facts: ClockFacts, now: number): TargetView[] {
  return computeTargets(clockInput(registry, ticket, facts, now));
}

/** The sweep and queue columns of a ticket, from its targets. */
export function clockColumns(targets: readonly TargetView[]): { next_breach_at: Date | null; first_due_at: Date | null; clock_started_at: Date | null } {
  const next = nextDeadline(targets);
  // Still owed: running, or breached and not yet met (those head the queue).
  const running = targets
    .filter((t) => t.due_at !== null && t.met_at === null && (t.state === 'active' || t.state === 'breached'))
    .map((t) => t.due_at!);
  const started = targets.map((t) => t.started_at).filter((t): t is number => t !== null);
  return {
    next_breach_at: next === null ? null : new Date(next),
    first_due_at: running.length === 0 ? null : new Date(Math.min(...running)),
    clock_started_at: started.length === 0 ? null : new Date(Math.min(...started)),
  };
}

/** Stores the targets (one row per metric) and the ticket's clock columns. Run inside the command's transaction. */
export async function storeTargets(db: Kysely<Database>, ticketId: string, targets: readonly TargetView[], now: number): Promise<void> {
  if (targets.length > 0) {
    const at = new Date(now);
    await db
      .insertInto('sla_targets')
      .values(targets.map((t) => targetRow(ticketId, t, at)))
      .onConflict((oc) =>
        oc.columns(['ticket_id', 'metric']).doUpdateSet({
          calendar_id: sql`excluded.calendar_id`,
          duration_ms: sql`excluded.duration_ms`,
          state: sql`excluded.state`,
          due_at: sql`excluded.due_at`,
          warning_at: sql`excluded.warning_at`,
          met_at: sql`excluded.met_at`,
          breached_at: sql`excluded.breached_at`,
          paused_ms: sql`excluded.paused_ms`,
          inputs: sql`excluded.inputs`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
  }
}

export function targetRow(ticketId: string, t: TargetView, at: Date) {
  const date = (v: number | null) => (v === null ? null : new Date(v));
  return {
    ticket_id: ticketId,
    metric: t.metric,
    calendar_id: t.calendar_id,
    duration_ms: t.duration_ms,
    state: t.state,
    due_at: date(t.due_at),
    warning_at: date(t.warning_at),
    met_at: date(t.met_at),
    breached_at: date(t.breached_at),
    paused_ms: t.paused_ms,
    inputs: JSON.stringify({ none_reason: t.none_reason, started_at: t.started_at }),
    warned_at: null,
    updated_at: at,
  };
}

const isoOf = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const durationText = (ms: number | null): string | null => (ms === null ? null : formatDuration(ms));

export function presentTarget(ticketId: string, t: TargetView): TargetJson {
  return {
    metric: t.metric,
    state: t.state,
    none_reason: t.none_reason,
    calendar_id: t.calendar_id,
    duration: durationText(t.duration_ms),
    duration_ms: t.duration_ms,
    started_at: isoOf(t.started_at),
    due_at: isoOf(t.due_at),
    met_at: isoOf(t.met_at),
    breached_at: isoOf(t.breached_at),
    warning_at: isoOf(t.warning_at),
    at_risk: t.at_risk,
    time_left_ms: t.time_left_ms,
    time_left: durationText(t.time_left_ms),
    overdue_ms: t.overdue_ms,
    overdue_by: durationText(t.overdue_ms),
    paused_ms: t.paused_ms,
    explain_url: t.state === 'none' ? null : `/api/v1/tickets/${ticketId}/targets/${encodeURIComponent(t.metric)}/explain`,
  };
}

/** The engine's segments behind one target's due time, ready to send. */
export function explainTicketTarget(registry: PolicyCatalog, ticket: ClockTicket, facts: ClockFacts, metric: string, now: number) {
  const input = clockInput(registry, ticket, facts, now);
  const metrics = versionOf(registry, ticket).metrics.map((m) => m.id);
  if (!metrics.includes(metric)) {
    throw new AppError('not_found', `This ticket has no target "${metric}"; its targets are ${metrics.join(', ')}.`, undefined, {
      id: 'error.target.unknown',
      values: { metric },
      lists: { metrics: { items: metrics, type: 'unit' } },
    });
  }
  const explanation = explainTarget(input, metric);
  if (explanation === null) {
    throw AppError.translated('not_found', { id: 'error.target.noGuarantee', values: { metric } });
  }
  const local = (t: number) => formatInstant(t, explanation.zone);
  return {
    ticket_id: ticket.id,
    metric,
    calendar: explanation.calendar,
    zone: explanation.zone,
    start: new Date(explanation.start).toISOString(),
    duration: formatDuration(explanation.duration),
    duration_ms: explanation.duration,
    due: isoOf(explanation.due),
    open: explanation.open.map((s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      local_start: local(s.start),
      local_end: local(s.end),
      duration: formatDuration(s.end - s.start),
    })),
    closed: explanation.closed.map((c) => ({
      start: new Date(c.start).toISOString(),
      end: new Date(c.end).toISOString(),
      local_start: local(c.start),
      local_end: local(c.end),
      reason: c.reason,
      name: 'name' in c && typeof c.name === 'string' ? c.name : null,
    })),
  };
}
