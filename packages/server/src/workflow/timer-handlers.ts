import type { Clock } from '../clock.js';
import type { FetchLike, WebhookGuard } from '../notify/index.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import type { TimerHandlerRegistry } from '../timers/index.js';
import { dispatchHandler } from './dispatch.js';
import { DELIVERY_TIMER_KINDS } from './kinds.js';
import type { MailOut } from './mail-out.js';
import { webhookOut } from './webhook-out.js';

export interface DeliveryHandlerOptions {
  clock: Clock;
  catalog: PolicyCatalog;
  /** Where links in notifications point, read per event (the server may learn it after start-up). */
  publicUrl: () => string;
  /** Sends (or records) the emails the outbox holds. */
  mail: MailOut;
  /** Where webhooks may point. */
  guard: WebhookGuard;
  fetch?: FetchLike;
}

/** Notification delivery's timers: each recorded event's dispatch, then its emails and webhooks from the outbox. */
export function registerDeliveryTimerHandlers(registry: TimerHandlerRegistry, options: DeliveryHandlerOptions): void {
  registry
    .register(DELIVERY_TIMER_KINDS.notifyDispatch, dispatchHandler({ clock: options.clock, registry: options.catalog, publicUrl: options.publicUrl }))
    .register(DELIVERY_TIMER_KINDS.email, options.mail.handler)
    .register(DELIVERY_TIMER_KINDS.webhook, webhookOut({ clock: options.clock, guard: options.guard, ...(options.fetch ? { fetch: options.fetch } : {}) }));
}
