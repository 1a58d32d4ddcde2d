import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../http/deps.js';
import { startInboundSmtp, type InboundSmtp } from '../notify/index.js';
import { handleInboundMail } from './mail-in.js';

/**
 * Starts the inbound mail listener: mail to the support address opens tickets and adds replies
 * (see `handleInboundMail`). Listens on 127.0.0.1 unless told; put it behind the mail exchanger.
 */
export async function startInboundMail(
  deps: AppDeps,
  options: { port: number; host?: string; supportAddress: string; logger?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'> },
): Promise<InboundSmtp> {
  return startInboundSmtp({
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    recipients: [options.supportAddress],
    async onMessage(message) {
      const outcome = await handleInboundMail(deps, options.supportAddress, message);
      options.logger?.info({ from: message.envelope.from, outcome }, 'inbound mail');
    },
    onError(error, message) {
      options.logger?.error({ err: error, from: message?.envelope.from ?? null }, 'inbound mail failed');
    },
  });
}
