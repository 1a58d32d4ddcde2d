import { sql, type Insertable, type Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { createMailer, isNotifyEvent, NotifyError, type Mailer } from '../notify/index.js';
import type { LeasedHandler, Timer } from '../timers/index.js';
import type { EmailMessage } from './dispatch.js';
import { anyOf } from '../db/any-of.js';

export interface MailOutOptions {
  /** An SMTP URL; without one, messages are composed and recorded in `mail_log` only. */
  smtpUrl: string | undefined;
  /** The support address: the sender, and where replies come back. */
  supportAddress: string;
  clock: Clock;
}

export interface MailOut {
  handler: LeasedHandler;
  transport: 'smtp' | 'log';
  close(): void;
}

/**
 * Sends the emails of the outbox. Every message handed out is recorded in `mail_log` under its outbox
 * key; a message already recorded there is not sent again when a worker takes over a lapsed lease.
 */
export function mailOut(options: MailOutOptions): MailOut {
  const transport = options.smtpUrl ? 'smtp' : 'log';
  const mailer: Mailer = createMailer({
    transport: options.smtpUrl ?? ({ jsonTransport: true } as unknown as string),
    from: `Hourglass Support <${options.supportAddress}>`,
  });
  /** Composes (and, over SMTP, sends) one message: its `mail_log` row. */
  const deliver = async (timer: Timer) => {
    const key = timer.subjectId;
    const message = timer.payload as EmailMessage;
    if (!isNotifyEvent(message.event)) throw new NotifyError('unknown_event', `The outbox message ${key} names no known event (${JSON.stringify(message.event)}).`);
    const notification = { to: message.to, ticketId: message.ticket_id, data: message.data as never, key, ...(message.locale ? { locale: message.locale } : {}) };
    const composed = mailer.compose(message.event, notification);
    let messageId = composed.messageId;
    let response: string | null = null;
    if (transport === 'smtp') {
      const result = await mailer.send(message.event, notification);
      messageId = result.messageId;
      response = result.response;
    }
    return {
      idempotency_key: key,
      event: message.event,
      ticket_id: message.ticket_id,
      user_id: message.user_id,
      transport,
      message_id: messageId,
      recipients: JSON.stringify([message.to.address]),
      subject: String(composed.subject),
      text_body: String(composed.text),
      html_body: typeof composed.html === 'string' ? composed.html : null,
      response,
      sent_at: new Date(options.clock.now()),
    } satisfies Insertable<Database['mail_log']>;
  };
  const log = (db: Kysely<Database>, rows: Insertable<Database['mail_log']>[]) =>
    rows.length === 0 ? undefined : db.insertInto('mail_log').values(rows).onConflict((oc) => oc.column('idempotency_key').doNothing()).execute();
  const handler: LeasedHandler = {
    lease: true,
    async run(timer, { db }) {
      if (isNotifyEvent((timer.payload as EmailMessage).event)) {
        const sent = await (db as Kysely<Database>).selectFrom('mail_log').select('id').where('idempotency_key', '=', timer.subjectId).executeTakeFirst();
        if (sent) return;
      }
      await log(db as Kysely<Database>, [await deliver(timer)]);
    },
    // The messages leased together: which were sent already is read once, and they are logged with one statement.
    async runBatch(timers, { db }) {
      const keys = timers.map((t) => t.subjectId);
      const sent = new Set((await (db as Kysely<Database>).selectFrom('mail_log').select('idempotency_key').where('idempotency_key', '=', anyOf(keys, 'text')).execute()).map((r) => r.idempotency_key));
      const outcomes = await Promise.all(
        timers.map(async (timer) => {
          const outcome: { error: unknown; row: Insertable<Database['mail_log']> | null } = { error: null, row: null };
          if (sent.has(timer.subjectId) && isNotifyEvent((timer.payload as EmailMessage).event)) return outcome;
          try {
            outcome.row = await deliver(timer);
          } catch (error) {
            outcome.error = error ?? new Error('the message could not be sent');
          }
          return outcome;
        }),
      );
      try {
        await log(db as Kysely<Database>, outcomes.flatMap((o) => (o.row ? [o.row] : [])));
      } catch {
        // Logged one by one, so a message that cannot be logged fails alone (and only it is sent again).
        for (const o of outcomes) {
          if (o.row === null) continue;
          try {
            await log(db as Kysely<Database>, [o.row]);
          } catch (error) {
            o.error = error ?? new Error('the message could not be logged');
          }
        }
      }
      return outcomes.map((o) => o.error);
    },
  };
  return { handler, transport, close: () => mailer.close() };
}
