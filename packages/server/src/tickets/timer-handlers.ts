import type { AppDeps } from '../http/deps.js';
import type { TimerHandlerRegistry } from '../timers/index.js';
import { breachHandler, breachWarningHandler } from './breach-handlers.js';
import { autoSolveHandler, pendingReminderHandler } from './lifecycle-handlers.js';
import { TICKET_TIMER_KINDS } from './ticket-timers.js';

/** A ticket's timers: breach warnings and breaches of its targets, the pending reminder and the automatic solve. */
export function registerTicketTimerHandlers(registry: TimerHandlerRegistry, deps: AppDeps): void {
  registry
    .register(TICKET_TIMER_KINDS.breachWarning, breachWarningHandler(deps))
    .register(TICKET_TIMER_KINDS.breach, breachHandler(deps))
    .register(TICKET_TIMER_KINDS.pendingReminder, pendingReminderHandler(deps))
    .register(TICKET_TIMER_KINDS.autoSolve, autoSolveHandler(deps));
}
