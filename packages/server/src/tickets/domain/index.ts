/**
 * The ticket rules, pure and free of I/O: which status moves each actor may make, which
 * priority a ticket gets and how agents reclassify it, and the pending timers. Rules answer with
 * an {@link Outcome}: the value, or a violation with a stable code, the field at fault and a
 * message that says what to do instead.
 *
 * ```ts
 * const move = checkTransition(ticket.status, 'pending', 'customer');
 * // { ok: false, violation: { code: 'actor_not_allowed', field: 'status', message: '… From open you can move it to: solved.' } }
 * choosePriority(version, 'P1', { name: 'Staging', production: false }); // priority_restricted
 * reclassify(version, { from: 'P3', to: 'P1', reason: 'Outage confirmed', actor: 'agent', project: { name: 'Checkout', production: true } });
 * pendingTimers(pendingSince, version.lifecycle, version.calendar(version.lifecycle.calendar));
 * ```
 */
export {
  ACTORS,
  TICKET_STATUSES,
  allowedNextStatuses,
  checkTransition,
  isLegalTransition,
  isTicketStatus,
  statusAfterCustomerReply,
  type Actor,
  type StatusViolationCode,
  type TicketStatus,
} from './status.js';
export {
  checkProjectForPriority,
  choosePriority,
  defaultPriorityOf,
  reclassify,
  type PriorityCatalog,
  type PriorityOption,
  type PriorityViolationCode,
  type ProjectFacts,
  type Reclassification,
} from './priority.js';
export {
  checkChannel,
  chooseLanguage,
  type OfferViolationCode,
  type OfferedLanguage,
  type SupportOffer,
} from './channels.js';
export {
  pendingTimers,
  type BusinessDayCalendar,
  type LifecycleRules,
  type PendingTimers,
} from './lifecycle.js';
export type { Outcome, RuleText, RuleViolation } from './violation.js';
