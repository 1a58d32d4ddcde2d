/**
 * Durable timers: a due-time index in the `timers` table, swept by TimerWorkers with
 * `FOR UPDATE SKIP LOCKED`. Schedule with `scheduleTimer` (idempotent; scheduling again moves the
 * timer), stop with `cancelTimers`, move many at once with `retargetTimers`, fire with a TimerWorker.
 * External effects go through `enqueueOutbox` or a leased handler, keyed by the timer's id.
 *
 * The table comes with migration `004_timers` (`db/migrations`); its row type is `TimersTable`.
 */
export { TIMER_STATES, type TimerState, type TimersTable, type TimerTables, type Timer, type TimerDb } from './schema.js';
export { scheduleTimer, cancelTimers, retargetTimers, findTimers } from './schedule.js';
export type { ScheduleTimerInput, ScheduleOutcome, CancelTimersInput, TimerMove } from './schedule.js';
export { TimerHandlerRegistry } from './registry.js';
export { TimerWorker, type TimerWorkerOptions, type TimerHandler, type TransactionalHandler, type LeasedHandler, type BatchHandler, type SweepReport } from './worker.js';
export { enqueueOutbox, enqueueOutboxMany, outboxKind, type OutboxMessage } from './outbox.js';
export { exponentialBackoff, DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export { TimerError, type TimerErrorCode } from './errors.js';
