import type { Instant } from '@hourglass/engine';
import { findIntakeForm, type PackIntake } from './forms.js';
import { validateIntake } from './validate.js';

/** A ticket's intake as it stands: the form (product or topic) it chose and the values given. */
export interface TicketIntake {
  /** The chosen form's id; `null` when the ticket names none. */
  form: string | null;
  values: Readonly<Record<string, unknown>>;
  /** The ticket's creation: recency is measured back from it. */
  openedAt: Instant;
}

/**
 * Whether a ticket holds the minimum information its pack asks for: nothing to complete when
 * the pack has no intake forms; otherwise a form must be chosen and satisfied (its detailed path
 * or its abridged one, every given value usable).
 */
export function isIntakeComplete(intake: PackIntake | null | undefined, ticket: TicketIntake): boolean {
  if ((intake?.forms ?? []).length === 0) return true;
  if (ticket.form === null) return false;
  const found = findIntakeForm(intake, ticket.form);
  return found.ok && validateIntake(found.form, ticket.values, ticket.openedAt).complete;
}

/**
 * When a ticket's intake became complete, for the clocks of packs that start on intake
 * completion (`clock_start: on_intake_complete`). Once complete it stays complete: a later edit
 * does not stop running clocks. Otherwise it completes at `at`, the instant of the change that
 * brought the ticket to its present state, if that state is complete; else `null`.
 */
export function intakeCompletedAt(
  intake: PackIntake | null | undefined,
  ticket: TicketIntake,
  change: { previous: Instant | null; at: Instant },
): Instant | null {
  if (change.previous !== null) return change.previous;
  return isIntakeComplete(intake, ticket) ? change.at : null;
}
