import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../http/deps.js';
import type { InboundAuthConfig } from '../notify/inbound-auth-config.js';
import { createInboundAuthenticator, type DnsResolver } from '../notify/inbound-auth.js';
import { startInboundSmtp, type InboundSmtp } from '../notify/index.js';
import { handleInboundMail } from './handle.js';

export interface InboundMailOptions {
  port: number;
  host?: string;
  supportAddress: string;
  /** How the From address is authenticated; defaults to `verify` (SPF, DKIM and DMARC checked here). */
  auth?: InboundAuthConfig;
  /** DNS for the checks (`dns.promises.resolve` unless given; tests serve their own records). */
  resolver?: DnsResolver;
  logger?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * Starts the inbound mail listener: mail to the support address opens tickets and adds replies
 * (see `handleInboundMail`); mail that fails authentication waits in the suspended-mail list.
 * Listens on 127.0.0.1 unless told; put it behind the mail exchanger.
 */
export async function startInboundMail(deps: AppDeps, options: InboundMailOptions): Promise<InboundSmtp> {
  const authenticate = createInboundAuthenticator({
    ...(options.auth ?? { mode: 'verify' }),
    ...(options.resolver ? { resolver: options.resolver } : {}),
    mta: options.supportAddress.split('@').pop() ?? 'hourglass',
  });
  const settings = { supportAddress: options.supportAddress, authenticate };
  return startInboundSmtp({
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    recipients: [options.supportAddress],
    async onMessage(message) {
      const outcome = await handleInboundMail(deps, settings, message);
      const log = { from: message.envelope.from, client: message.remoteAddress, outcome };
      if (outcome.kind === 'suspended') options.logger?.warn(log, 'inbound mail failed authentication; suspended for review');
      else options.logger?.info(log, 'inbound mail');
    },
    onError(error, message) {
      options.logger?.error({ err: error, from: message?.envelope.from ?? null }, 'inbound mail failed');
    },
  });
}
