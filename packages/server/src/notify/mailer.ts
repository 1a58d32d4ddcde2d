import nodemailer, { type SendMailOptions, type SMTPPoolOptions, type SMTPTransportOptions } from 'nodemailer';
import { isNotifyEvent, type NotifyEvent } from './events.js';
import { describeError, NotifyError } from './errors.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/index.js';
import { renderTemplate, type TemplateData } from './templates/index.js';
import { checkHost, checkTicketId, eventMessageId, hostOfAddress, rootMessageId, stableUuid } from './threading.js';

export interface MailerOptions {
  /** nodemailer SMTP transport options, or an SMTP URL such as `smtp://mail.example.com:587`. */
  transport: SMTPTransportOptions | SMTPPoolOptions | string;
  /** The sender, e.g. `Hourglass Support <support@desk.example.com>`; replies come back to it. */
  from: string;
  /** Host part of Message-IDs; defaults to the domain of `from`. Inbound mail is matched against it. */
  messageIdHost?: string;
}

export type Recipient = string | { name: string; address: string };

export interface OutgoingNotification<E extends NotifyEvent> {
  to: Recipient | Recipient[];
  /** The ticket's stable id (the one in thread headers), not its display number. */
  ticketId: string;
  data: TemplateData[E];
  /** A stable key of this message (e.g. its outbox key): repeated sends keep one Message-ID. */
  key?: string;
  /** The language the message is written in (the recipient's); English when not given. */
  locale?: Locale;
}

/** What was handed to the SMTP server. */
export interface SentNotification {
  event: NotifyEvent;
  ticketId: string;
  messageId: string;
  accepted: string[];
  rejected: string[];
  response: string;
}

export interface Mailer {
  /** Renders the event's template and sends it. Throws NotifyError('send_failed') with the server's answer. */
  send<E extends NotifyEvent>(event: E, notification: OutgoingNotification<E>): Promise<SentNotification>;
  /** The message `send` would hand to nodemailer, without sending it. */
  compose<E extends NotifyEvent>(event: E, notification: OutgoingNotification<E>): SendMailOptions & { messageId: string };
  /** Checks that the SMTP server accepts a connection (and credentials, if any). */
  verify(): Promise<void>;
  close(): void;
}

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+$/;

function checkRecipients(to: Recipient | Recipient[]): Recipient[] {
  const list = Array.isArray(to) ? to : [to];
  if (list.length === 0) throw new NotifyError('invalid_recipient', 'A notification needs at least one recipient address.');
  for (const recipient of list) {
    const address = typeof recipient === 'string' ? recipient : recipient.address;
    if (typeof address !== 'string' || !ADDRESS.test(address)) {
      throw new NotifyError('invalid_recipient', `${JSON.stringify(address)} is not an email address; give one such as ada@example.com.`);
    }
    if (typeof recipient !== 'string' && /[\r\n]/.test(recipient.name)) {
      throw new NotifyError('invalid_recipient', `The name of ${address} contains a line break; give it on one line.`);
    }
  }
  return list;
}

export function createMailer(options: MailerOptions): Mailer {
  const fromHost = hostOfAddress(options.from ?? '');
  if (!fromHost) {
    throw new NotifyError('invalid_mail_config', `from must be an address such as "Support <support@desk.example.com>"; got ${JSON.stringify(options.from)}.`);
  }
  const host = checkHost(options.messageIdHost ?? fromHost);
  let transporter: ReturnType<typeof nodemailer.createTransport>;
  try {
    transporter = nodemailer.createTransport(options.transport as SMTPTransportOptions | string);
  } catch (error) {
    throw new NotifyError('invalid_mail_config', `The mail transport could not be set up: ${describeError(error)}. Give nodemailer SMTP options or a URL such as smtp://mail.example.com:587.`, { cause: error });
  }

  const compose = <E extends NotifyEvent>(event: E, notification: OutgoingNotification<E>) => {
    if (!isNotifyEvent(event)) throw new NotifyError('unknown_event', `Unknown notification event ${JSON.stringify(event)}.`);
    const ticketId = checkTicketId(notification.ticketId);
    const to = checkRecipients(notification.to);
    const locale = isLocale(notification.locale) ? notification.locale : DEFAULT_LOCALE;
    const rendered = renderTemplate(event, notification.data, locale);
    const root = rootMessageId(ticketId, host);
    return {
      from: options.from,
      to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: eventMessageId(ticketId, event, host, notification.key === undefined ? undefined : stableUuid(notification.key)),
      inReplyTo: root,
      references: [root],
      headers: {
        'Auto-Submitted': 'auto-generated',
        'Content-Language': locale,
        'X-Auto-Response-Suppress': 'All',
        'X-Hourglass-Event': event,
        'X-Hourglass-Ticket': ticketId,
      },
    } satisfies SendMailOptions;
  };

  return {
    compose,
    async send(event, notification) {
      const message = compose(event, notification);
      try {
        const info = await transporter.sendMail(message);
        return {
          event,
          ticketId: notification.ticketId,
          messageId: message.messageId,
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          response: info.response,
        };
      } catch (error) {
        throw new NotifyError('send_failed', `The ${event} email for ticket ${notification.ticketId} was not sent: ${describeError(error)}.`, { cause: error });
      }
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw new NotifyError('send_failed', `The SMTP server could not be reached or refused the login: ${describeError(error)}.`, { cause: error });
      }
    },
    close() {
      transporter.close();
    },
  };
}
