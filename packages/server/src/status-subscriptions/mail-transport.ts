/**
 * Sends the emails of status subscriptions through the desk's SMTP server (HOURGLASS_SMTP_URL), or,
 * without one, only composes them (they are recorded in `mail_log` either way). Notices carry the
 * one-click unsubscribe headers of RFC 8058: `List-Unsubscribe: <https://…>` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`.
 */
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { hostOfAddress, stableUuid } from '../notify/threading.js';
import type { Locale } from '../i18n/index.js';
import type { RenderedMessage } from '../notify/templates/types.js';

export interface StatusMail {
  to: string;
  /** The outbox key: the same key keeps the same Message-ID. */
  key: string;
  locale: Locale;
  message: RenderedMessage;
  /** Set on notices: the message's one-click unsubscribe link. */
  unsubscribeUrl?: string;
  /** The provider's name, shown as the sender's. */
  senderName: string;
}

export interface StatusMailer {
  transport: 'smtp' | 'log';
  compose(mail: StatusMail): SendMailOptions & { messageId: string };
  /** Sends (over SMTP) or only composes the message; the Message-ID and the server's answer. */
  send(mail: StatusMail): Promise<{ messageId: string; response: string | null; composed: SendMailOptions }>;
  close(): void;
}

export function statusMailer(options: { smtpUrl: string | undefined; supportAddress: string }): StatusMailer {
  const transport = options.smtpUrl ? 'smtp' : 'log';
  const transporter = nodemailer.createTransport(options.smtpUrl ?? ({ jsonTransport: true } as never));
  const host = hostOfAddress(options.supportAddress) ?? 'hourglass.localhost';
  const compose = (mail: StatusMail) => ({
    from: { name: mail.senderName.replace(/[\r\n"]+/g, ' ').trim() || 'Status', address: options.supportAddress },
    to: mail.to,
    subject: mail.message.subject,
    text: mail.message.text,
    html: mail.message.html,
    messageId: `<status-${stableUuid(mail.key)}@${host}>`,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'Content-Language': mail.locale,
      'X-Auto-Response-Suppress': 'All',
      Precedence: 'bulk',
      ...(mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Id': `<status.${host}>` } : {}),
    },
  });
  return {
    transport,
    compose,
    async send(mail) {
      const composed = compose(mail);
      if (transport === 'log') return { messageId: composed.messageId, response: null, composed };
      const info = await transporter.sendMail(composed);
      return { messageId: composed.messageId, response: String(info.response ?? ''), composed };
    },
    close: () => transporter.close(),
  };
}
