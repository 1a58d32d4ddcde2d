import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { deliverWebhook, guardedFetch, type DeliveryRecord, type FetchLike, type WebhookGuard } from '../notify/index.js';
import { scheduleTimer, type LeasedHandler } from '../timers/index.js';
import type { WebhookMessage } from './dispatch.js';
import { DELIVERY_TIMER_KINDS } from './kinds.js';

const ATTEMPT_KEY = /^attempt-(\d+)$/;

/** Which attempt an outbox timer is: the first has no key, later ones `attempt-<n>`. */
export const attemptOf = (key: string): number => Number(ATTEMPT_KEY.exec(key)?.[1] ?? 1);

/**
 * Delivers webhook events from the outbox: one signed attempt per due timer, each written to the
 * delivery log. A failed attempt schedules the next one at the backoff's time as its own timer; after
 * the last attempt (or a 410 Gone, or a destination refused as internal) the delivery is dead-lettered,
 * which the log shows. Deliveries connect only to public addresses or those of `guard.allow`.
 */
export function webhookOut(options: { clock: Clock; guard: WebhookGuard; fetch?: FetchLike; timeoutMs?: number }): LeasedHandler {
  const fetchImpl: FetchLike = options.fetch ?? guardedFetch(options.guard);
  return {
    lease: true,
    async run(timer, context) {
      const db = context.db as Kysely<Database>;
      const message = timer.payload as WebhookMessage;
      const endpoint = await db.selectFrom('webhook_endpoints').select(['id', 'url', 'secret', 'active']).where('id', '=', message.endpoint_id).executeTakeFirst();
      if (!endpoint?.active) return;
      const attempt = attemptOf(timer.key);
      const record = await deliverWebhook(fetchImpl, endpoint, message.event, { clock: options.clock, attempt, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
      await logDelivery(db, record);
      if (record.outcome === 'retry_scheduled' && record.nextAttemptAt !== null) {
        await scheduleTimer(db, {
          kind: DELIVERY_TIMER_KINDS.webhook,
          subjectType: 'outbox',
          subjectId: timer.subjectId,
          key: `attempt-${attempt + 1}`,
          dueAt: record.nextAttemptAt,
          payload: message,
          now: options.clock.now(),
        });
      }
    },
  };
}

async function logDelivery(db: Kysely<Database>, record: DeliveryRecord): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      endpoint_id: record.endpointId,
      event_id: record.eventId,
      event_type: record.eventType,
      attempt: record.attempt,
      attempted_at: new Date(record.attemptedAt),
      duration_ms: record.durationMs,
      status_code: record.statusCode,
      error: record.error,
      response_excerpt: record.responseExcerpt,
      outcome: record.outcome,
      next_attempt_at: record.nextAttemptAt === null ? null : new Date(record.nextAttemptAt),
    })
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id', 'attempt']).doNothing())
    .execute();
}
