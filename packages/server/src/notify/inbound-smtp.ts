import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { describeError, NotifyError } from './errors.js';

/** 25 MiB, the usual ceiling of mail providers. */
export const DEFAULT_INBOUND_MAX_BYTES = 25 * 1024 * 1024;

export interface InboundMessage {
  parsed: ParsedMail;
  /** The message as received (at most `maxBytes`), for authentication and for applying it later from review. */
  raw: Buffer;
  envelope: { from: string | null; to: string[] };
  /** IP address of the SMTP client. */
  remoteAddress: string;
  /** The name the client gave in HELO/EHLO. */
  helo: string;
}

export interface InboundSmtpOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1: the listener sits behind the mail exchanger and takes no logins. */
  host?: string;
  /** Called once per accepted message. Throw `InboundRejection` to refuse it permanently (5xx); any other error answers 451 (try later). */
  onMessage: (message: InboundMessage) => Promise<void> | void;
  /** Largest message accepted, in bytes; larger ones are refused with 552. */
  maxBytes?: number;
  /** When given, only these RCPT TO addresses are accepted (case-insensitive); others get 550. */
  recipients?: string[];
  /** Told about unexpected errors: from `onMessage` (with the message), or of a client connection (message null). */
  onError?: (error: unknown, message: InboundMessage | null) => void;
  /** Name in the greeting; defaults to the host name of the machine. */
  serverName?: string;
}

export interface InboundSmtp {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Throw from `onMessage` to refuse a message for good, with a reason the sender's mail server reports back. */
export class InboundRejection extends Error {
  override readonly name = 'InboundRejection';
  constructor(
    message: string,
    readonly responseCode: number = 550,
  ) {
    super(message);
  }
}

function smtpError(message: string, responseCode: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

export function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  const host = options.host ?? '127.0.0.1';
  const maxBytes = options.maxBytes ?? DEFAULT_INBOUND_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new NotifyError('invalid_mail_config', `maxBytes must be a positive whole number of bytes; got ${JSON.stringify(options.maxBytes)}.`);
  }
  if (!Number.isSafeInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new NotifyError('invalid_mail_config', `port must be 0 (any free port) or 1-65535; got ${JSON.stringify(options.port)}.`);
  }
  const allowed = options.recipients?.map((address) => address.toLowerCase());

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, done: (err?: Error | null) => void): void => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', (error) => done(smtpError(`Message could not be read: ${describeError(error)}`, 451)));
    stream.on('end', () => {
      if (stream.sizeExceeded || bytes > maxBytes) {
        done(smtpError(`Message too large: ${bytes} bytes; the limit is ${maxBytes} bytes. Send large files as links.`, 552));
        return;
      }
      void accept(Buffer.concat(chunks), session).then(
        () => done(),
        (error: unknown) => done(error instanceof Error ? error : smtpError(String(error), 451)),
      );
    });
  };

  const accept = async (raw: Buffer, session: SMTPServerSession): Promise<void> => {
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw);
    } catch (error) {
      throw smtpError(`Message could not be parsed as email: ${describeError(error)}`, 554);
    }
    const message: InboundMessage = {
      parsed,
      raw,
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
      },
      remoteAddress: session.remoteAddress,
      helo: session.hostNameAppearsAs ?? '',
    };
    try {
      await options.onMessage(message);
    } catch (error) {
      if (error instanceof InboundRejection) throw smtpError(error.message, error.responseCode);
      options.onError?.(error, message);
      throw smtpError('The message could not be processed right now; please try again later.', 451);
    }
  };

  const server = new SMTPServer({
    name: options.serverName,
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (allowed && !allowed.includes(address.address.toLowerCase())) {
        callback(smtpError(`No mailbox here by the name ${address.address}.`, 550));
        return;
      }
      callback();
    },
    onData,
  });

  return new Promise((resolve, reject) => {
    const onListenError = (error: Error) => {
      reject(new NotifyError('inbound_listen_failed', `The inbound mail listener could not listen on ${host}:${options.port}: ${describeError(error)}.`, { cause: error }));
    };
    server.once('error', onListenError);
    server.listen(options.port, host, () => {
      server.off('error', onListenError);
      server.on('error', (error) => options.onError?.(error, null));
      const address = server.server.address() as AddressInfo;
      resolve({
        host,
        port: address.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
