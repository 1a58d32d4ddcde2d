import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { registerEscalationTimerHandlers } from '../escalation/handlers.js';
import { ESCALATION_TIMER_KINDS } from '../escalation/timers.js';
import { EMPTY_ALLOW_LIST, type FetchLike, type ResolveHost, type WebhookAllowList } from '../notify/index.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { OUT_OF_OFFICE_START, registerRoutingTimerHandlers } from '../routing/out-of-office-timer.js';
import { registerTicketTimerHandlers } from '../tickets/timer-handlers.js';
import { TICKET_TIMER_KINDS } from '../tickets/ticket-timers.js';
import { registerStatusSubscriptionTimerHandlers } from '../status-subscriptions/delivery.js';
import { STATUS_SUBSCRIPTION_TIMER_KINDS } from '../status-subscriptions/kinds.js';
import { TimerHandlerRegistry, TimerWorker, type SweepReport } from '../timers/index.js';
import { DELIVERY_TIMER_KINDS } from '../workflow/kinds.js';
import { mailOut } from '../workflow/mail-out.js';
import { registerDeliveryTimerHandlers } from '../workflow/timer-handlers.js';

/** Every timer kind the desk schedules, by the feature that owns it. */
export const TIMER_KINDS = {
  ...TICKET_TIMER_KINDS,
  ...ESCALATION_TIMER_KINDS,
  outOfOfficeStart: OUT_OF_OFFICE_START,
  ...DELIVERY_TIMER_KINDS,
  ...STATUS_SUBSCRIPTION_TIMER_KINDS,
} as const;

export interface WorkflowSettings {
  /** Outgoing mail goes through this SMTP server; without it, it is only recorded in `mail_log`. */
  smtpUrl: string | undefined;
  supportAddress: string;
  /** Where links in notifications point, e.g. https://desk.example.com; `setPublicUrl` changes it. */
  publicUrl: string;
  /** Internal webhook receivers the operator trusts (HOURGLASS_WEBHOOK_ALLOW); unset: webhooks go to public addresses only. */
  webhookAllow?: WebhookAllowList;
}

export interface WorkflowOptions {
  db: Kysely<Database>;
  clock: Clock;
  registry: PolicyCatalog;
  settings: WorkflowSettings;
  workerId?: string;
  pollMs?: number;
  /** How long a leased send may run before another worker may take it over (default 60 s). */
  leaseMs?: number;
  /** For webhooks; by default a fetch that connects only to public addresses or those of `settings.webhookAllow`. */
  fetch?: FetchLike;
  /** How webhook host names are resolved at delivery (the system resolver by default; tests inject one). */
  resolveHost?: ResolveHost;
  onError?: (error: unknown) => void;
}

export interface Workflow {
  readonly worker: TimerWorker;
  /** The timer kinds this worker fires. */
  readonly kinds: readonly string[];
  readonly mailTransport: 'smtp' | 'log';
  /** Sweeps in the background until stopped. */
  start(): void;
  /** Fires everything due at `now`, including the messages that firing produces. */
  runDue(now?: number): Promise<SweepReport>;
  /** Stops sweeping, waits for the batch in progress, and closes the mail transport. */
  stop(): Promise<void>;
  /** Links in notifications composed from now on point here (the server sets where it listens when no public URL is configured). */
  setPublicUrl(url: string): void;
}

/** The timer worker of the desk: each feature registers the timer kinds it schedules, with their handlers. */
export function createWorkflow(options: WorkflowOptions): Workflow {
  const deps = { db: options.db, clock: options.clock, registry: options.registry };
  let publicUrl = options.settings.publicUrl.replace(/\/+$/, '');
  const guard = { allow: options.settings.webhookAllow ?? EMPTY_ALLOW_LIST, ...(options.resolveHost ? { resolve: options.resolveHost } : {}) };
  const mail = mailOut({ smtpUrl: options.settings.smtpUrl, supportAddress: options.settings.supportAddress, clock: options.clock });
  const registry = new TimerHandlerRegistry();
  registerTicketTimerHandlers(registry, deps);
  registerEscalationTimerHandlers(registry, deps);
  registerRoutingTimerHandlers(registry, deps);
  registerDeliveryTimerHandlers(registry, {
    clock: options.clock,
    catalog: options.registry,
    publicUrl: () => publicUrl,
    mail,
    guard,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const statusMail = registerStatusSubscriptionTimerHandlers(registry, {
    clock: options.clock,
    smtpUrl: options.settings.smtpUrl,
    supportAddress: options.settings.supportAddress,
    publicUrl: () => publicUrl,
    guard,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const worker = new TimerWorker({
    db: options.db,
    clock: options.clock,
    handlers: registry.handlers(),
    workerId: options.workerId ?? `${hostname()}:${process.pid}`,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  let stopped = false;
  return {
    worker,
    kinds: registry.kinds,
    mailTransport: mail.transport,
    start: () => worker.start(),
    async runDue(now = options.clock.now()) {
      return worker.runDue(now);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await worker.stop();
      mail.close();
      statusMail.close();
    },
    setPublicUrl(url) {
      publicUrl = url.replace(/\/+$/, '');
    },
  };
}

/** The kinds of `TIMER_KINDS`, as a list. */
export const WORKFLOW_TIMER_KINDS: readonly string[] = Object.values(TIMER_KINDS);
