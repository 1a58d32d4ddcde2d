/**
 * Subscribing and unsubscribing. Email subscriptions are double opt-in: a request stores a waiting
 * subscription and queues the confirmation mail; nothing else is sent before the link in it is
 * followed, and a request nobody confirms is forgotten after {@link CONFIRM_WINDOW_MS}. Webhook
 * subscriptions start at once; their signing secret and a link to end them are shown once. Whoever
 * asks, the answer to an email request is the same, so it never tells whether an address is subscribed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import type { Locale } from '../i18n/index.js';
import { enqueueOutbox, scheduleTimer } from '../timers/index.js';
import type { SubscriptionRequest } from './check.js';
import { STATUS_SUBSCRIPTION_TIMER_KINDS } from './kinds.js';
import { countRequest } from './limits.js';
import type { StatusSubscriber } from './tables.js';
import { issueToken, subscriberOfToken } from './tokens.js';

export const CONFIRM_WINDOW_MS = 48 * 3_600_000;
/** Confirmation mails to one address: at most this many an hour (further requests are answered alike, and send nothing). */
export const CONFIRMATIONS_PER_ADDRESS_HOUR = 3;

type Db = Kysely<Database> | Transaction<Database>;

export type SubscribeOutcome =
  | { kind: 'email'; email: string }
  | { kind: 'webhook'; id: string; url: string; secret: string; unsubscribeToken: string; componentIds: string[] | null };

const componentsJson = (ids: string[] | null) => (ids === null ? null : JSON.stringify(ids));

export async function subscribe(db: Kysely<Database>, clock: Clock, providerId: string, request: SubscriptionRequest, locale: Locale): Promise<SubscribeOutcome> {
  const now = clock.now();
  if (request.kind === 'webhook') {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('status_subscribers')
        .values({ provider_id: providerId, kind: 'webhook', url: request.url!, secret, component_ids: componentsJson(request.componentIds), locale, confirmed_at: new Date(now), created_at: new Date(now), updated_at: new Date(now) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const unsubscribeToken = await issueToken(trx, row.id, 'unsubscribe', now, null);
      return { kind: 'webhook' as const, id: row.id, url: request.url!, secret, unsubscribeToken, componentIds: request.componentIds };
    });
  }
  const email = request.email!;
  // Counted outside the transaction, so a refused mail still counts against the address.
  const mailAllowed = (await countRequest(db, { key: `email:${providerId}:${email.toLowerCase()}`, windowMs: 3_600_000, max: CONFIRMATIONS_PER_ADDRESS_HOUR }, now)) === 0;
  const write = () => db.transaction().execute(async (trx) => {
    const confirmBy = new Date(now + CONFIRM_WINDOW_MS);
    const waiting = await trx
      .selectFrom('status_subscribers')
      .select('id')
      .where('provider_id', '=', providerId)
      .where('kind', '=', 'email')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .where('confirmed_at', 'is', null)
      .where('unsubscribed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    const id = waiting
      ? (await trx.updateTable('status_subscribers').set({ email, component_ids: componentsJson(request.componentIds), locale, confirm_by: confirmBy, updated_at: new Date(now) }).where('id', '=', waiting.id).returning('id').executeTakeFirstOrThrow()).id
      : (
          await trx
            .insertInto('status_subscribers')
            .values({ provider_id: providerId, kind: 'email', email, component_ids: componentsJson(request.componentIds), locale, confirm_by: confirmBy, created_at: new Date(now), updated_at: new Date(now) })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await scheduleTimer(trx, { kind: STATUS_SUBSCRIPTION_TIMER_KINDS.statusSubscriptionExpiry, subjectType: 'status_subscriber', subjectId: id, dueAt: confirmBy.getTime(), now });
    if (mailAllowed) await enqueueOutbox(trx, { topic: 'status_confirmation', idempotencyKey: `status_confirmation:${id}:${randomUUID()}`, payload: { subscriber_id: id }, now });
  });
  try {
    await write();
  } catch (error) {
    // Two requests for one address at once both found no waiting subscription: the second one changes the first's.
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
  return { kind: 'email', email };
}

export type ConfirmOutcome = { ok: true; subscriber: StatusSubscriber } | { ok: false };

/** The waiting subscription a confirm token stands for (or the one it already confirmed), without changing it. */
export async function subscriberToConfirm(db: Kysely<Database>, clock: Clock, token: unknown): Promise<ConfirmOutcome> {
  const now = clock.now();
  const id = await subscriberOfToken(db, token, 'confirm', now);
  if (id === null) return { ok: false };
  const subscriber = await db.selectFrom('status_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!subscriber || subscriber.unsubscribed_at !== null) return { ok: false };
  if (subscriber.confirmed_at === null && (subscriber.confirm_by === null || subscriber.confirm_by.getTime() <= now)) return { ok: false };
  return { ok: true, subscriber };
}

/** Confirms: the address's earlier subscription (if any) gives way to this one. Confirming twice is harmless. */
export async function confirm(db: Kysely<Database>, clock: Clock, token: unknown): Promise<ConfirmOutcome> {
  const found = await subscriberToConfirm(db, clock, token);
  if (!found.ok || found.subscriber.confirmed_at !== null) return found;
  const now = new Date(clock.now());
  const subscriber = found.subscriber;
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('status_subscribers')
      .set({ unsubscribed_at: now, updated_at: now })
      .where('provider_id', '=', subscriber.provider_id)
      .where('kind', '=', 'email')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', subscriber.email!.toLowerCase()))
      .where('confirmed_at', 'is not', null)
      .where('unsubscribed_at', 'is', null)
      .execute();
    const confirmed = await trx
      .updateTable('status_subscribers')
      .set({ confirmed_at: now, confirm_by: null, updated_at: now })
      .where('id', '=', subscriber.id)
      .where('confirmed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    await trx.deleteFrom('status_subscription_tokens').where('subscriber_id', '=', subscriber.id).where('purpose', '=', 'confirm').execute();
    return { ok: true as const, subscriber: confirmed ?? subscriber };
  });
}

/** The subscription an unsubscribe token stands for (ended or not), or null for an unknown token. */
export async function subscriberToUnsubscribe(db: Db, clock: Clock, token: unknown): Promise<StatusSubscriber | null> {
  const id = await subscriberOfToken(db, token, 'unsubscribe', clock.now());
  if (id === null) return null;
  return (await db.selectFrom('status_subscribers').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Ends the subscription a token stands for; unsubscribing twice is harmless. Null for an unknown token. */
export async function unsubscribe(db: Kysely<Database>, clock: Clock, token: unknown): Promise<StatusSubscriber | null> {
  const subscriber = await subscriberToUnsubscribe(db, clock, token);
  if (!subscriber) return null;
  if (subscriber.unsubscribed_at === null) {
    const now = new Date(clock.now());
    await db.updateTable('status_subscribers').set({ unsubscribed_at: now, updated_at: now }).where('id', '=', subscriber.id).where('unsubscribed_at', 'is', null).execute();
  }
  return subscriber;
}

/** Where a subscription's notices go, for the pages: its address or URL. */
export const targetOf = (subscriber: StatusSubscriber): string => subscriber.email ?? subscriber.url ?? '';
