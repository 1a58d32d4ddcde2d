import { formatDuration } from '@hourglass/engine';
import { type PolicyCatalog, pinnedVersion } from '../policy/catalog.js';
import type { EscalationJson } from './schemas.js';
import type { EscalationRecord } from './escalations.js';

type PackRef = { pack_id: string; pack_version: string; created_at: Date };

/**
 * An escalation as the API shows it, its response target measured at `now`. The remaining or
 * overdue time counts in the target's calendar when the ticket's pack version has it, else in wall-clock time.
 */
export function presentEscalation(registry: PolicyCatalog, ticket: PackRef, e: EscalationRecord, now: number): EscalationJson {
  const due = e.due_at?.getTime() ?? null;
  const answered = e.responded_at?.getTime() ?? null;
  const between = businessTime(registry, ticket, e.calendar_id);
  let state: EscalationJson['state'] = 'none';
  let timeLeft: number | null = null;
  let overdue: number | null = null;
  if (due !== null) {
    const end = answered ?? now;
    if (end > due) {
      state = 'breached';
      overdue = between(due, end);
    } else if (answered !== null) {
      state = 'met';
    } else {
      state = 'active';
      timeLeft = between(now, due);
    }
  }
  return {
    id: e.id,
    ticket_id: e.ticket_id,
    via: e.via_growth_manager ? 'growth_manager' : 'support',
    reason: e.reason,
    reason_label: labelOf(registry, ticket, e.reason),
    note: e.note,
    raised_by: e.raised_by,
    raised_at: e.raised_at.toISOString(),
    state,
    calendar_id: e.calendar_id,
    duration: e.duration_ms === null ? null : formatDuration(e.duration_ms),
    due_at: e.due_at?.toISOString() ?? null,
    responded_at: e.responded_at?.toISOString() ?? null,
    time_left_ms: timeLeft,
    overdue_ms: overdue,
  };
}

function businessTime(registry: PolicyCatalog, ticket: PackRef, calendarId: string | null): (a: number, b: number) => number {
  // The ticket's own pack version, or an error naming it (never another version's calendars).
  const version = pinnedVersion(registry, ticket.pack_id, ticket.pack_version);
  if (calendarId !== null && version.calendarIds().includes(calendarId)) {
    const calendar = version.calendar(calendarId);
    return (a, b) => calendar.businessTimeBetween(a, b);
  }
  return (a, b) => b - a;
}

function labelOf(registry: PolicyCatalog, ticket: PackRef, reason: string): string {
  return pinnedVersion(registry, ticket.pack_id, ticket.pack_version).escalation?.reasons.find((r) => r.id === reason)?.label ?? reason;
}
