/**
 * A desk whose inbound mail cannot be verified (DNS knows no SPF, DKIM or DMARC records), with
 * three unsigned messages held for a decision: a customer's new ticket, a forged staff reply and a
 * reply to a ticket that does not exist.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { fixedClock, startServer } from '@hourglass/server';
import { ensureBuilt } from './web-server.js';

export const SUPPORT = 'support@desk.example.test';
export const MAIL_AGENT = 'lena.vogt@hourglass.example';
export const RILEY = 'riley@bluefin-apps.example';
/** The subjects of the held messages. */
export const HELD = { customer: 'Voice calls drop after 30 seconds', forged: 'Re: [#1] Please pay the unlock fee', unknown: 'About [#999999]' } as const;

/** DNS that knows no records: no SPF, DKIM or DMARC for anyone, so no sender can be verified. */
const noRecords = async (name: string, rrtype: string): Promise<string[][]> => {
  throw Object.assign(new Error(`query${rrtype} ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};

export interface MailDesk {
  url: string;
  close(): Promise<void>;
}

export async function startMailDesk(now: number): Promise<MailDesk> {
  ensureBuilt();
  delete process.env.DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), 'hourglass-web-mail-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clock: fixedClock(now),
    handleSignals: false,
    logLevel: 'silent',
    print: () => {},
    smtpInPort: 0,
    mail: { supportAddress: SUPPORT, inboundAuth: { mode: 'verify' } },
    mailResolver: noRecords,
  });
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: server.inbound!.port, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: `Riley Marsh <${RILEY}>`, to: SUPPORT, subject: HELD.customer, text: 'Every outbound call drops at 0:30.' });
  await smtp.sendMail({ from: `Lena Vogt <${MAIL_AGENT}>`, to: SUPPORT, subject: HELD.forged, text: 'Wire the fee to IBAN XX00.' });
  await smtp.sendMail({ from: RILEY, to: SUPPORT, subject: HELD.unknown, text: 'Any news?' });
  smtp.close();
  return {
    url: `http://127.0.0.1:${new URL(server.url).port}`,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
