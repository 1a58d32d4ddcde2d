import type { IntakeIssue } from '../api/types.js';

/** Soft intake guidance returned when a ticket is opened, shown once on the ticket's page. */
const pending = new Map<string, IntakeIssue[]>();

export function rememberWarnings(ticketId: string, warnings: readonly IntakeIssue[]): void {
  if (warnings.length > 0) pending.set(ticketId, [...warnings]);
}

export function warningsFor(ticketId: string): IntakeIssue[] {
  return pending.get(ticketId) ?? [];
}

/** Drops the notes of a ticket once they no longer hold (its details were completed since). */
export function forgetWarnings(ticketId: string): void {
  pending.delete(ticketId);
}
