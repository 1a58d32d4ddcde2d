/**
 * The worker's side of status subscriptions: confirmation mails, notices (email and webhook) and the
 * forgetting of unconfirmed requests, as timer handlers. Mail is sent once per outbox key: a message
 * already in `mail_log` is not sent again when another worker takes over a lapsed lease. A webhook
 * notice is attempted on the desk's webhook backoff, each attempt its own timer, until it is delivered
 * or dead-lettered (recorded on the notice).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { guardedFetch, type FetchLike, type WebhookGuard } from '../notify/index.js';
import { scheduleTimer, type LeasedHandler, type Timer, type TimerHandlerRegistry, type TransactionalHandler } from '../timers/index.js';
import { STATUS_SUBSCRIPTION_TIMER_KINDS } from './kinds.js';
import type { RenderedMessage } from '../notify/templates/types.js';
import { componentNoticeEmail, componentNoticeFacts, componentNoticePayload, statusPageUrl } from './component-notice.js';
import { confirmationEmail, confirmUrl, documentationUrl, incidentUrl, localeOf, noticeEmail, noticePayload, unsubscribeUrl } from './notice-content.js';
import { noticeFacts } from './notice-data.js';
import type { StatusSubscriber } from './tables.js';
import { statusMailer, type StatusMail, type StatusMailer } from './mail-transport.js';
import { issueToken, webhookNoticeToken } from './tokens.js';
import { COMPONENT_WEBHOOK_EVENT, sendSignedNotice, STATUS_WEBHOOK_EVENT } from './webhook-send.js';

export interface StatusDeliveryOptions {
  clock: Clock;
  smtpUrl: string | undefined;
  supportAddress: string;
  /** Where links point, read per message. */
  publicUrl: () => string;
  guard: WebhookGuard;
  fetch?: FetchLike;
}

const ATTEMPT_KEY = /^attempt-(\d+)$/;
/** Where a stored webhook body has its unsubscribe token (never stored itself). */
const TOKEN_STAND_IN = 'hgsub_UNSUBSCRIBE-TOKEN-OF-THIS-NOTICE';
const attemptOf = (key: string): number => Number(ATTEMPT_KEY.exec(key)?.[1] ?? 1);

/** Registers the handlers; the answer closes the mail transport when the worker stops. */
export function registerStatusSubscriptionTimerHandlers(registry: TimerHandlerRegistry, options: StatusDeliveryOptions): { close(): void } {
  const mailer = statusMailer({ smtpUrl: options.smtpUrl, supportAddress: options.supportAddress });
  const fetchImpl = options.fetch ?? guardedFetch(options.guard);
  registry
    .register(STATUS_SUBSCRIPTION_TIMER_KINDS.statusConfirmation, confirmationHandler(mailer, options))
    .register(STATUS_SUBSCRIPTION_TIMER_KINDS.statusNotice, noticeHandler(mailer, fetchImpl, options))
    .register(STATUS_SUBSCRIPTION_TIMER_KINDS.statusSubscriptionExpiry, expiryHandler);
  return { close: () => mailer.close() };
}

/** Sends `mail` unless its key is in `mail_log` already, and records it there. */
async function sendOnce(db: Kysely<Database>, mailer: StatusMailer, clock: Clock, mail: StatusMail, event: string, userId: string | null): Promise<void> {
  const sent = await mailer.send(mail);
  await db
    .insertInto('mail_log')
    .values({
      idempotency_key: mail.key,
      event,
      ticket_id: null,
      user_id: userId,
      transport: mailer.transport,
      message_id: sent.messageId,
      recipients: JSON.stringify([mail.to]),
      subject: mail.message.subject,
      text_body: mail.message.text,
      html_body: mail.message.html,
      response: sent.response,
      sent_at: new Date(clock.now()),
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

const alreadySent = async (db: Kysely<Database>, key: string) => (await db.selectFrom('mail_log').select('id').where('idempotency_key', '=', key).executeTakeFirst()) !== undefined;

function confirmationHandler(mailer: StatusMailer, options: StatusDeliveryOptions): LeasedHandler {
  return {
    lease: true,
    async run(timer, context) {
      const db = context.db as Kysely<Database>;
      const { subscriber_id: subscriberId } = timer.payload as { subscriber_id: string };
      const now = options.clock.now();
      const subscriber = await db.selectFrom('status_subscribers').selectAll().where('id', '=', subscriberId).executeTakeFirst();
      if (!subscriber || subscriber.kind !== 'email' || subscriber.confirmed_at !== null || subscriber.unsubscribed_at !== null) return;
      if (subscriber.confirm_by === null || subscriber.confirm_by.getTime() <= now) return;
      if (await alreadySent(db, timer.subjectId)) return;
      const provider = await db.selectFrom('providers').select('name').where('id', '=', subscriber.provider_id).executeTakeFirstOrThrow();
      const token = await issueToken(db, subscriber.id, 'confirm', now, subscriber.confirm_by.getTime());
      const message = confirmationEmail({ provider: provider.name, locale: subscriber.locale, confirmUrl: confirmUrl(options.publicUrl(), token), confirmBy: subscriber.confirm_by });
      await sendOnce(db, mailer, options.clock, { to: subscriber.email!, key: timer.subjectId, locale: localeOf(subscriber.locale), message, senderName: provider.name }, 'status_confirmation', subscriber.user_id);
    },
  };
}

function noticeHandler(mailer: StatusMailer, fetchImpl: FetchLike, options: StatusDeliveryOptions): LeasedHandler {
  return {
    lease: true,
    async run(timer, context) {
      const db = context.db as Kysely<Database>;
      const { notice_id: noticeId } = timer.payload as { notice_id: string };
      const facts = await prepareNotice(db, noticeId, options.publicUrl());
      if (!facts) return;
      const notice = await db.selectFrom('status_notices').select(['delivered_at', 'dead_at', 'webhook_body']).where('id', '=', noticeId).executeTakeFirstOrThrow();
      if (notice.delivered_at !== null || notice.dead_at !== null || facts.subscriber.unsubscribed_at !== null) return;
      const now = options.clock.now();
      if (facts.subscriber.kind === 'email') {
        if (!(await alreadySent(db, timer.subjectId))) {
          const token = await issueToken(db, facts.subscriber.id, 'unsubscribe', now, null);
          const to = unsubscribeUrl(options.publicUrl(), token);
          const mail = { to: facts.subscriber.email!, key: timer.subjectId, locale: localeOf(facts.subscriber.locale), message: facts.email(to), unsubscribeUrl: to, senderName: facts.provider };
          await sendOnce(db, mailer, options.clock, mail, 'status_notice', facts.subscriber.user_id);
        }
        await db.updateTable('status_notices').set((eb) => ({ delivered_at: new Date(options.clock.now()), attempts: eb('attempts', '+', 1) })).where('id', '=', noticeId).execute();
        return;
      }
      // A webhook: the body is fixed at the first attempt, so every attempt sends the same bytes. It is
      // kept with a stand-in for the unsubscribe token, which is derived again for each attempt.
      let stored = notice.webhook_body;
      if (stored === null) {
        await db.updateTable('status_notices').set({ webhook_body: JSON.stringify(facts.payload(unsubscribeUrl(options.publicUrl(), TOKEN_STAND_IN), now)) }).where('id', '=', noticeId).where('webhook_body', 'is', null).execute();
        stored = (await db.selectFrom('status_notices').select('webhook_body').where('id', '=', noticeId).executeTakeFirstOrThrow()).webhook_body!;
      }
      const body = stored.replace(TOKEN_STAND_IN, await webhookNoticeToken(db, { id: facts.subscriber.id, secret: facts.subscriber.secret! }, noticeId, now));
      const attempt = attemptOf(timer.key);
      const result = await sendSignedNotice(fetchImpl, { url: facts.subscriber.url!, secret: facts.subscriber.secret! }, { id: noticeId, body, attempt, event: facts.event }, { clock: options.clock });
      const at = new Date(options.clock.now());
      await db
        .updateTable('status_notices')
        .set({
          attempts: attempt,
          last_status_code: result.statusCode,
          last_error: result.outcome === 'delivered' ? null : result.error,
          ...(result.outcome === 'delivered' ? { delivered_at: at } : result.outcome === 'dead_letter' ? { dead_at: at } : {}),
        })
        .where('id', '=', noticeId)
        .execute();
      if (result.outcome === 'retry') {
        await scheduleTimer(db, { kind: STATUS_SUBSCRIPTION_TIMER_KINDS.statusNotice, subjectType: 'outbox', subjectId: timer.subjectId, key: `attempt-${attempt + 1}`, dueAt: result.at, payload: timer.payload, now: at.getTime() });
      }
    },
  };
}

/** A notice ready to send, of an incident's update or of a component's status set by hand. */
interface PreparedNotice {
  subscriber: StatusSubscriber;
  /** The provider's name, shown as the sender's. */
  provider: string;
  event: string;
  email(unsubscribe: string): RenderedMessage;
  payload(unsubscribe: string, now: number): Record<string, unknown>;
}

/** What a notice tells, whichever its kind; null when it (or what it is about) is gone. */
async function prepareNotice(db: Kysely<Database>, noticeId: string, publicUrl: string): Promise<PreparedNotice | null> {
  const documentation = documentationUrl(publicUrl);
  const incident = await noticeFacts(db, noticeId);
  if (incident) {
    const links = (unsubscribe: string) => ({ incident: incidentUrl(publicUrl, incident.incident.id), unsubscribe, documentation });
    return {
      subscriber: incident.subscriber,
      provider: incident.provider.name,
      event: STATUS_WEBHOOK_EVENT,
      email: (unsubscribe) => noticeEmail(incident, links(unsubscribe)),
      payload: (unsubscribe, now) => noticePayload(incident, links(unsubscribe), now),
    };
  }
  const component = await componentNoticeFacts(db, noticeId);
  if (!component) return null;
  const links = (unsubscribe: string) => ({ status: statusPageUrl(publicUrl), unsubscribe, documentation });
  return {
    subscriber: component.subscriber,
    provider: component.provider.name,
    event: COMPONENT_WEBHOOK_EVENT,
    email: (unsubscribe) => componentNoticeEmail(component, links(unsubscribe)),
    payload: (unsubscribe, now) => componentNoticePayload(component, links(unsubscribe), now),
  };
}

/** Forgets a subscription nobody confirmed in time (its tokens go with it). */
const expiryHandler: TransactionalHandler = async (timer: Timer, trx: Transaction<Database>) => {
  await trx.deleteFrom('status_subscribers').where('id', '=', timer.subjectId).where('confirmed_at', 'is', null).execute();
};
