import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { createMailer, isNotifyEvent, NotifyError, type Mailer } from '../notify/index.js';
import type { LeasedHandler } from '../timers/index.js';
import type { EmailMessage } from './dispatch.js';

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
  const handler: LeasedHandler = {
    lease: true,
    async run(timer, { db }) {
      const key = timer.subjectId;
      const message = timer.payload as EmailMessage;
      if (!isNotifyEvent(message.event)) throw new NotifyError('unknown_event', `The outbox message ${key} names no known event (${JSON.stringify(message.event)}).`);
      const sent = await (db as Kysely<Database>).selectFrom('mail_log').select('id').where('idempotency_key', '=', key).executeTakeFirst();
      if (sent) return;
      const notification = { to: message.to, ticketId: message.ticket_id, data: message.data as never, key };
      const composed = mailer.compose(message.event, notification);
      let messageId = composed.messageId;
      let response: string | null = null;
      if (transport === 'smtp') {
        const result = await mailer.send(message.event, notification);
        messageId = result.messageId;
        response = result.response;
      }
      await (db as Kysely<Database>)
        .insertInto('mail_log')
        .values({
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
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    },
  };
  return { handler, transport, close: () => mailer.close() };
}
