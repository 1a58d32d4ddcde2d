import { sql } from 'kysely';
import type { TimerDb } from './schema.js';
import { payloadJson, requireInstant, requireText } from './validate.js';

/** The timer kind that carries outbox messages of a topic: deliver them with a leased handler for it. */
export const outboxKind = (topic: string): string => `outbox:${requireText(topic, 'topic', 190)}`;

export interface OutboxMessage {
  /** e.g. `email`, `webhook`. */
  topic: string;
  /** Unique per message; a second enqueue with the same key is ignored. A timer's id is the usual key. */
  idempotencyKey: string;
  payload: unknown;
  /** The service clock's now: the message is due at once. */
  now: number;
}

/**
 * Writes an outbox message in the caller's transaction, so it exists if and only if the caller's other
 * writes commit. The outbox is the timers table itself (kind `outbox:<topic>`, due now): a TimerWorker
 * with a leased handler for `outboxKind(topic)` delivers it, retries with backoff, and marks it dead
 * after the last attempt; the handler passes the message's `idempotencyKey` on to the receiver.
 *
 * @example
 * // inside a transactional timer handler:
 * await enqueueOutbox(trx, { topic: 'email', idempotencyKey: `${timer.id}:requester`, payload: mail, now: clock.now() });
 * // a worker elsewhere: handlers: { [outboxKind('email')]: { lease: true, run: (m, { idempotencyKey }) => send(m.payload, idempotencyKey) } }
 */
export async function enqueueOutbox(db: TimerDb, message: OutboxMessage): Promise<{ id: string | null; created: boolean }> {
  const kind = outboxKind(message.topic);
  const key = requireText(message.idempotencyKey, 'idempotencyKey', 200);
  const now = requireInstant(message.now, 'now');
  const payload = payloadJson(message.payload);
  const result = await sql<{ id: string }>`
    insert into timers (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
    values (${kind}, 'outbox', ${key}, '', ${now}, ${payload}::jsonb, ${now}, ${now})
    on conflict (subject_id, kind, key) do nothing
    returning id`.execute(db);
  const row = result.rows[0];
  return { id: row?.id ?? null, created: row !== undefined };
}

/**
 * Writes several outbox messages with one statement, in the caller's transaction, each as
 * {@link enqueueOutbox} would (a message whose key is already in the outbox is ignored).
 */
export async function enqueueOutboxMany(db: TimerDb, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((message) => {
    const now = requireInstant(message.now, 'now');
    return sql`(${outboxKind(message.topic)}, 'outbox', ${requireText(message.idempotencyKey, 'idempotencyKey', 200)}, '', ${now}, ${payloadJson(message.payload)}::jsonb, ${now}, ${now})`;
  });
  await sql`
    insert into timers (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
    values ${sql.join(rows)}
    on conflict (subject_id, kind, key) do nothing`.execute(db);
}
