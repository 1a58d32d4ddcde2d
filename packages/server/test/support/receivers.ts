/**
 * Real receivers for what the desk sends out: an SMTP listener that keeps every message it is given
 * (parsed), and an HTTP receiver that checks each webhook's signature as a subscriber would.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { verifyWebhook } from '../../src/notify/index.js';

export interface SmtpInbox {
  /** `smtp://127.0.0.1:<port>`, for the desk's SMTP setting. */
  url: string;
  /** Every message received, in order. */
  messages: ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const messages: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((parsed) => {
        messages.push(parsed);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    messages,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

export interface ReceivedHook {
  body: string;
  verified: boolean;
  attempt: string | undefined;
  event: string | undefined;
}

export interface WebhookReceiver {
  url: string;
  /** Every delivery, in order. */
  hooks: ReceivedHook[];
  /** The status codes to answer the next verified deliveries with (then 204); a bad signature gets 401. */
  answers: number[];
  /** The secret signatures are checked with (shown once, when the subscription is made). */
  secret: string;
  close(): Promise<void>;
}

/** An HTTP receiver at `path`, checking signatures at the desk's clock (`now`). */
export async function startWebhookReceiver(path: string, now: () => number): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = { hooks: [], answers: [], secret: '' };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const check = verifyWebhook({ secret: receiver.secret, header: request.headers['hourglass-signature'], body, nowMs: now() });
      receiver.hooks.push({ body, verified: check.ok, attempt: request.headers['hourglass-attempt'] as string, event: request.headers['hourglass-event'] as string });
      response.writeHead(check.ok ? (receiver.answers.shift() ?? 204) : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
