import type { Instant } from '@hourglass/engine';

/** A pack version's lifecycle rules (`version.lifecycle`): business days counted on `calendar`. */
export interface LifecycleRules {
  readonly calendar: string;
  readonly pending_reminder_business_days: number;
  readonly auto_solve_business_days: number;
}

/** The calendar question the timers ask (an engine `Schedule`). */
export interface BusinessDayCalendar {
  addBusinessDays(t: Instant, n: number): Instant;
}

export interface PendingTimers {
  /** When the requester gets an automatic reminder, if the ticket is still pending. */
  remind_at: Instant;
  /** When the ticket is solved automatically, if the requester has not replied. */
  auto_solve_at: Instant;
}

/**
 * The timers of a ticket that went pending at `pendingSince` (twilio: a reminder after 5
 * business days, solved after 10 in all). Both count from the same start, keeping its wall time;
 * a customer reply (pending → open) cancels them, and a new pending stretch starts them afresh.
 */
export function pendingTimers(pendingSince: Instant, rules: LifecycleRules, calendar: BusinessDayCalendar): PendingTimers {
  return {
    remind_at: calendar.addBusinessDays(pendingSince, rules.pending_reminder_business_days),
    auto_solve_at: calendar.addBusinessDays(pendingSince, rules.auto_solve_business_days),
  };
}
