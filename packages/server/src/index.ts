export { buildApp, JSON_BODY_LIMIT, type BuildAppOptions } from './app/build-app.js';
export { startServer, startWorker, migrate, seed, type StartOptions, type RunningServer, type WorkerOptions, type RunningWorker } from './app/serve.js';
export { openDatabase, type DatabaseHandle, type DatabaseKind, type DatabaseOptions } from './db/open.js';
export { migrateToLatest, type MigrationReport } from './db/migrate.js';
export { retarget, retargetCalendars, retargetChangedCalendars, type CalendarChange, type CalendarCheck, type RetargetReport, type RetargetRun } from './retarget/index.js';
export type * from './db/schema.js';
export { ROLES, TICKET_STATUSES, CHANNELS, TARGET_STATES, PARTNER_TIERS, PRESENCES, MAX_ATTACHMENT_BYTES } from './db/schema.js';
export { type Clock, type FixedClock, type MovableClock, systemClock, fixedClock, offsetClock, clockFromSetting, isMovable } from './clock.js';
export { readConfig, type ServerConfig, type ClockSetting, ConfigError } from './config.js';
export { AppError, type ErrorCode, type ErrorIssue } from './errors.js';
export {
  runIdempotent,
  respondIdempotently,
  idempotencyKeyFrom,
  IDEMPOTENCY_RETENTION_MS,
  type IdempotentRequest,
  type IdempotentResult,
  type CreatedResponse,
} from './idempotency/index.js';
export { type Actor, requireActor, requireRole, isStaff } from './auth/actor.js';
export type { AppDeps } from './http/deps.js';
export type { PolicyCatalog } from './policy/catalog.js';
export { seedDemoData, type SeedStep, type SeedContext, type SeedReport, type DemoLogin } from './seed/seed.js';
export * from './timers/index.js';
export * as timersMigration from './db/migrations/004_timers.js';
export * from './notify/index.js';
export * from './workflow/index.js';
export * from './mail-in/index.js';
export { createWorkflow, TIMER_KINDS, WORKFLOW_TIMER_KINDS, type Workflow, type WorkflowOptions, type WorkflowSettings } from './app/worker.js';
export { syncTicketTimers, pendingSince, type BreachTimerPayload, type PendingTimerPayload } from './tickets/ticket-timers.js';
