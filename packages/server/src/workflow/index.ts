/**
 * The workflow: the timers that keep a ticket's promises (breach warnings and breaches, the pending
 * reminder and automatic solve), the notifications they and ticket changes raise (email out through
 * an outbox, signed webhooks with retries and a delivery log), email in, and the movable demo clock.
 *
 * Ticket commands call `syncTicketTimers` (through `refreshClocks`) in their transaction; a worker
 * built with `createWorkflow` fires what is due; `travelTo` moves a fixed or offset clock forward.
 */
export { createWorkflow, WORKFLOW_TIMER_KINDS, type Workflow, type WorkflowOptions, type WorkflowSettings } from './runtime.js';
export { syncTicketTimers, pendingSince, type BreachTimerPayload, type PendingTimerPayload } from './ticket-timers.js';
export { TIMER_KINDS } from './kinds.js';
export { travelTo, clockForSetting, isMovable, type MovableClock, type TravelReport } from './time-travel.js';
export { handleInboundMail, type InboundOutcome } from './mail-in.js';
export { startInboundMail } from './inbound.js';
export { workflowRoutes } from './routes.js';
export { recordWorkflowEvent } from './events.js';
