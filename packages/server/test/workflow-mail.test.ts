import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { startServer, type RunningServer } from '../src/app/serve.js';
import { createTestDatabase, DATABASE_KINDS } from './support/databases.js';
import { passingAuthResults } from './support/mail-auth.js';
import { AGENT, RILEY } from './support/workflow.js';

// The whole service as `hourglass serve` runs it: mail out through a real SMTP listener on loopback
// (the in-process worker sends it), mail in through the service's own inbound listener.

const SUPPORT = 'support@desk.example.test';
const RELAY = 'mx.desk.example.test';

describe.each(DATABASE_KINDS)('email in and out through the running service on %s', (kind) => {
  let server: RunningServer;
  let smtp: SMTPServer;
  let cleanup: () => Promise<void> = async () => {};
  const outbox: ParsedMail[] = [];
  let sender: { sendMail(message: SendMailOptions): Promise<unknown>; close(): void };
  /** Straight to the listener, without the relay's Authentication-Results: what a forger can do. */
  let unvouched: Transporter;
  let ticketId = '';
  let ticketNumber = 0;
  const clock = fixedClock(Date.parse('2026-03-03T17:00:00Z'));

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((parsed) => {
          outbox.push(parsed);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    let database: { databaseUrl?: string; dataDir?: string };
    if (kind === 'postgres') {
      const created = await createTestDatabase();
      database = { databaseUrl: created.url };
      cleanup = created.drop;
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'hourglass-mail-'));
      database = { dataDir: dir };
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    server = await startServer({
      ...database,
      port: 0,
      host: '127.0.0.1',
      clock,
      handleSignals: false,
      logLevel: 'silent',
      print: () => {},
      smtpInPort: 0,
      mail: {
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        supportAddress: SUPPORT,
        publicUrl: 'https://desk.example.test',
        // Behind a relay on loopback that checked SPF/DKIM/DMARC and says so in its Authentication-Results.
        inboundAuth: { mode: 'relay', relays: ['127.0.0.1'], authservId: RELAY },
      },
    });
    const relay = nodemailer.createTransport({ host: '127.0.0.1', port: server.inbound!.port, secure: false, ignoreTLS: true });
    unvouched = relay;
    // Every message passes the relay, which vouches for its From address.
    sender = {
      sendMail: (message: SendMailOptions) => {
        const from = typeof message.from === 'string' ? (/<([^>]+)>/.exec(message.from)?.[1] ?? message.from) : '';
        return relay.sendMail({ ...message, headers: { 'Authentication-Results': passingAuthResults(RELAY, from) } });
      },
      close: () => relay.close(),
    };
  });
  afterAll(async () => {
    sender?.close();
    await server?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await cleanup();
  });

  const api = async (email: string, method: string, url: string, body?: unknown) => {
    const role = email.endsWith('@hourglass.example') ? 'agent' : 'customer';
    const login = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORDS[role] }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, origin: server.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (response.status === 204 ? null : await response.json()) as any };
  };
  async function mailTo(address: string, predicate: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
    for (let i = 0; i < 100; i++) {
      const found = outbox.find((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address) && predicate(m));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no mail to ${address} arrived; got: ${outbox.map((m) => m.subject).join(' | ')}`);
  }
  const comments = async (id: string) => {
    const body = (await api(AGENT, 'GET', `/api/v1/tickets/${id}/comments`)).body;
    return (Array.isArray(body) ? body : body.items) as { body: string; channel: string; public: boolean }[];
  };

  it('a message from a known requester opens a ticket on the email channel, once', async () => {
    const message = { from: `Riley Marsh <${RILEY}>`, to: SUPPORT, subject: 'Outbound calls drop after 30 seconds', text: 'Every call from +15550100 drops at 0:30.', messageId: '<first-mail@bluefin-apps.example>' };
    await sender.sendMail(message);
    await sender.sendMail(message);
    const list = await api(RILEY, 'GET', '/api/v1/tickets?q=Outbound');
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((t: { subject: string }) => t.subject === 'Outbound calls drop after 30 seconds');
    expect(mine).toHaveLength(1);
    expect(mine[0].channel).toBe('email');
    ticketId = mine[0].id;
    ticketNumber = mine[0].number;
  });

  it('the requester gets the confirmation through SMTP, threaded and tagged', async () => {
    const mail = await mailTo(RILEY, (m) => m.subject?.includes(`[#${ticketNumber}]`) === true);
    expect(mail.from?.value[0]?.address).toBe(SUPPORT);
    expect(mail.text).toContain('Outbound calls drop after 30 seconds');
    expect(mail.inReplyTo).toBe(`<ticket-${ticketId}@desk.example.test>`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('a reply to that email adds a public comment by thread headers; a [#number] tag works too', async () => {
    const confirmation = await mailTo(RILEY, (m) => m.subject?.includes(`[#${ticketNumber}]`) === true);
    await sender.sendMail({
      from: RILEY,
      to: SUPPORT,
      subject: `Re: ${confirmation.subject}`,
      text: 'It happens on every carrier.\n\nOn Tue, Support wrote:\n> We have received your request',
      inReplyTo: confirmation.messageId!,
      references: [confirmation.messageId!],
      messageId: '<second-mail@bluefin-apps.example>',
    });
    clock.advance(60_000);
    await sender.sendMail({ from: RILEY, to: SUPPORT, subject: `More on [#${ticketNumber}]`, text: 'Also on inbound calls.', messageId: '<third-mail@bluefin-apps.example>' });
    const added = await comments(ticketId);
    expect(added.map((c) => [c.body, c.channel, c.public])).toEqual([
      ['It happens on every carrier.', 'email', true],
      ['Also on inbound calls.', 'email', true],
    ]);
  });

  it("an agent's public reply reaches the requester by email", async () => {
    const reply = await api(AGENT, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: 'Please send the Call SID of one dropped call.' });
    expect(reply.status).toBe(201);
    const mail = await mailTo(RILEY, (m) => m.text?.includes('Please send the Call SID') === true);
    expect(mail.subject).toContain(`[#${ticketNumber}]`);
    expect(mail.references).toContain(`<ticket-${ticketId}@desk.example.test>`);
    const logged = await api(AGENT, 'GET', `/api/v1/tickets/${ticketId}`);
    expect(logged.status).toBe(200);
  });

  it("a forged agent reply is held for review and never mailed to the requester; the agent's real reply is", async () => {
    await unvouched.sendMail({ from: AGENT, to: SUPPORT, subject: `Re: [#${ticketNumber}] Outbound calls drop`, text: 'Wire the unlock fee to IBAN XX00 1234.' });
    const held = await api(AGENT, 'GET', '/api/v1/suspended-mail');
    expect(held.status).toBe(200);
    expect(held.body.items).toHaveLength(1);
    expect(held.body.items[0]).toMatchObject({ from: { address: AGENT }, sender_role: 'agent', can_accept: false });
    expect(held.body.items[0].reason).toMatch(/added no Authentication-Results header for mx\.desk\.example\.test/);
    expect((await comments(ticketId)).map((c) => c.body)).not.toContain('Wire the unlock fee to IBAN XX00 1234.');
    // Mail goes out in order: once the real reply has arrived, anything raised before it would have too.
    expect((await api(AGENT, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: 'Real reply after the forgery.' })).status).toBe(201);
    await mailTo(RILEY, (m) => m.text?.includes('Real reply after the forgery.') === true);
    expect(outbox.filter((m) => m.text?.includes('IBAN XX00'))).toEqual([]);
  });

  it('refuses mail from an unknown sender, and a tag of a ticket the sender cannot see, with a reason', async () => {
    await expect(sender.sendMail({ from: 'stranger@elsewhere.example', to: SUPPORT, subject: 'Hello', text: 'Hi' })).rejects.toThrow(/not a user of this support desk/);
    await expect(sender.sendMail({ from: RILEY, to: SUPPORT, subject: 'About [#999999]', text: 'Hi' })).rejects.toThrow(/no ticket #999999/);
  });
});
