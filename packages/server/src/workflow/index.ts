/**
 * The workflow: the notifications that ticket changes and timers raise (email out through an outbox,
 * signed webhooks with retries and a delivery log), the recipients' preferences, and the movable demo
 * clock's time travel.
 *
 * Features record events with `recordWorkflowEvent` in their transaction; the worker the composition
 * root builds (`app/worker.ts`) dispatches them; `travelTo` moves a fixed or offset clock forward.
 */
export { DELIVERY_TIMER_KINDS } from './kinds.js';
export { travelTo, type DueTimerRunner, type TravelReport } from './time-travel.js';
export { workflowRoutes } from './routes.js';
export { recordWorkflowEvent } from './events.js';
