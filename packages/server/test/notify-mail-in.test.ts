import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../src/db/schema.js';
import {
  createMailer,
  InboundRejection,
  interpretInbound,
  rootMessageId,
  startInboundSmtp,
  stripQuotedReply,
  type InboundInterpretation,
  type InboundMessage,
  type InboundSmtp,
} from '../src/notify/index.js';
import { startInboundMail } from '../src/mail-in/index.js';
import { CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';
import { FakeDns } from './support/mail-auth.js';

const SUPPORT = 'support@desk.example.test';
const TICKET_ID = '7d9f2c1e-4b8a-4f3e-9c21-0a5b6c7d8e9f';
const MAX_BYTES = 64 * 1024;

describe('email in through a real SMTP listener', () => {
  let inbound: InboundSmtp;
  let arrived: { message: InboundMessage; result: InboundInterpretation }[] = [];
  let failNext: Error | null = null;
  let unexpected: unknown[] = [];
  let transport: ReturnType<typeof nodemailer.createTransport>;

  const send = (message: SendMailOptions) => transport.sendMail({ from: 'Ada Customer <ada@customer.example.test>', to: SUPPORT, ...message });
  const only = () => {
    expect(arrived).toHaveLength(1);
    return arrived[0]!.result;
  };

  beforeAll(async () => {
    inbound = await startInboundSmtp({
      port: 0,
      maxBytes: MAX_BYTES,
      recipients: [SUPPORT],
      onError: (error) => unexpected.push(error),
      onMessage(message) {
        if (failNext) {
          const error = failNext;
          failNext = null;
          throw error;
        }
        arrived.push({ message, result: interpretInbound(message.parsed, { supportAddress: SUPPORT, envelopeTo: message.envelope.to }) });
      },
    });
    transport = nodemailer.createTransport({ host: inbound.host, port: inbound.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport?.close();
    await inbound?.close();
  });
  beforeEach(() => {
    arrived = [];
    unexpected = [];
  });

  it('listens on loopback at a free port', () => {
    expect(inbound.host).toBe('127.0.0.1');
    expect(inbound.port).toBeGreaterThan(0);
  });

  it('turns a fresh message into a new ticket with its attachments', async () => {
    await send({ subject: 'Fwd: SMS delivery failing', text: 'Since 08:00 every SMS to +1 555 0100 fails with 30007.\n\nThanks', attachments: [{ filename: 'log.txt', content: 'error 30007\n' }] });
    const result = only();
    expect(result.kind).toBe('new_ticket');
    if (result.kind !== 'new_ticket') return;
    expect(result.from).toEqual({ address: 'ada@customer.example.test', name: 'Ada Customer' });
    expect(result.subject).toBe('SMS delivery failing');
    expect(result.text).toBe('Since 08:00 every SMS to +1 555 0100 fails with 30007.\n\nThanks');
    expect(result.attachments).toHaveLength(1);
    expect(result.attachments[0]).toMatchObject({ filename: 'log.txt', contentType: 'text/plain', size: 12, inline: false });
    expect(result.attachments[0]!.content.toString()).toBe('error 30007\n');
    expect(result.messageId).toMatch(/^<.+@.+>$/);
    expect(arrived[0]!.message.envelope).toEqual({ from: 'ada@customer.example.test', to: [SUPPORT] });
  });

  it('threads a reply to one of our notifications onto its ticket and drops the quoted text', async () => {
    const notification = createMailer({ transport: { host: inbound.host, port: inbound.port, ignoreTLS: true }, from: `Support <${SUPPORT}>` }).compose('public_reply', {
      to: 'ada@customer.example.test',
      ticketId: TICKET_ID,
      data: { ticket: { id: TICKET_ID, number: 42, subject: 'SMS failing', url: 'https://desk.example.test/t/42' }, authorName: 'Sam', body: 'Try again?' },
    });
    await send({
      subject: `Re: ${notification.subject}`,
      inReplyTo: notification.messageId,
      references: [rootMessageId(TICKET_ID, 'desk.example.test'), notification.messageId],
      text: 'It works now, thanks!\n\nOn Mon, 2 Mar 2026 at 09:00, Hourglass Support\n<support@desk.example.test> wrote:\n> Try again?\n> Sam',
    });
    const result = only();
    expect(result).toMatchObject({ kind: 'reply', matchedBy: 'thread_headers', ticketId: TICKET_ID, text: 'It works now, thanks!' });
  });

  it('finds the ticket from a [#number] subject tag when the thread headers are gone', async () => {
    await send({ subject: 'RE: [#42] Waiting for your reply: SMS failing', text: '> old text\nHere is the log you asked for.' });
    expect(only()).toMatchObject({ kind: 'reply', matchedBy: 'subject_tag', ticketNumber: 42, text: 'Here is the log you asked for.' });
  });

  it('does not take a thread id from another host for one of ours', async () => {
    await send({ subject: 'New problem', inReplyTo: `<ticket-${TICKET_ID}@elsewhere.example.test>`, text: 'Hello' });
    expect(only()).toMatchObject({ kind: 'new_ticket', subject: 'New problem' });
  });

  it('drops automatic replies so two systems do not mail each other forever', async () => {
    await send({ subject: 'Out of office', headers: { 'Auto-Submitted': 'auto-replied' }, text: 'Back Monday.' });
    expect(only()).toMatchObject({ kind: 'rejected', reason: 'automatic_reply' });
  });

  it('drops mail that comes from the support address itself', async () => {
    await send({ from: SUPPORT, subject: 'Loop', text: 'x' });
    expect(only()).toMatchObject({ kind: 'rejected', reason: 'from_support_address' });
  });

  it('refuses a message over the size limit with 552 and never hands it on', async () => {
    const attempt = send({ subject: 'Huge', text: 'x'.repeat(MAX_BYTES * 2) });
    await expect(attempt).rejects.toMatchObject({ responseCode: 552 });
    await expect(attempt).rejects.toThrow(/limit is 65536 bytes|exceeds/i);
    expect(arrived).toHaveLength(0);
  });

  it('refuses recipients other than the support address with 550', async () => {
    const attempt = send({ to: 'someone@desk.example.test', subject: 'Hi', text: 'x' });
    await expect(attempt).rejects.toMatchObject({ responseCode: 550 });
    await expect(attempt).rejects.toThrow(/No mailbox here by the name someone@desk.example.test/);
    expect(arrived).toHaveLength(0);
  });

  it('passes a rejection from the handler back to the sender as a permanent failure', async () => {
    failNext = new InboundRejection('ada@customer.example.test is not a known requester; ask your account admin to invite you.');
    await expect(send({ subject: 'Hi', text: 'x' })).rejects.toMatchObject({ responseCode: 550, message: expect.stringMatching(/not a known requester/) });
    expect(unexpected).toHaveLength(0);
  });

  it('answers 451 (try later) when the handler fails unexpectedly, without leaking the error', async () => {
    failNext = new Error('connection to database lost at 10.0.0.5');
    const attempt = send({ subject: 'Hi', text: 'x' });
    await expect(attempt).rejects.toMatchObject({ responseCode: 451 });
    await expect(attempt).rejects.not.toThrow(/10\.0\.0\.5/);
    expect(unexpected).toHaveLength(1);
  });

  it('refuses to start with a bad size limit or port', () => {
    expect(() => startInboundSmtp({ port: 0, maxBytes: 0, onMessage: () => undefined })).toThrow(/maxBytes must be a positive whole number/);
    expect(() => startInboundSmtp({ port: 70000, onMessage: () => undefined })).toThrow(/port must be 0/);
  });

  it('reports a port already in use in plain words', async () => {
    await expect(startInboundSmtp({ port: inbound.port, onMessage: () => undefined })).rejects.toThrow(/could not listen on 127.0.0.1:\d+: .*EADDRINUSE/);
  });
});

describe('stripQuotedReply', () => {
  it('keeps only the new text of a reply', () => {
    expect(stripQuotedReply('Thanks!\r\n\r\nOn Tue, 3 Mar 2026, Sam <sam@example.test> wrote:\r\n> earlier\r\n> text')).toBe('Thanks!');
    expect(stripQuotedReply('Inline answer\n> question one\nanswer one')).toBe('Inline answer\nanswer one');
    expect(stripQuotedReply('Done.\n\n-----Original Message-----\nFrom: Support')).toBe('Done.');
    expect(stripQuotedReply('On second thought, ignore that.\nIt works.')).toBe('On second thought, ignore that.\nIt works.');
  });
});

describe('interpretInbound on raw messages', () => {
  const parse = (headers: string[], body = 'Hello') => simpleParser([...headers, '', body].join('\r\n'));
  const options = { supportAddress: ['help@desk.example.test', SUPPORT] };

  it('finds our id deep in References when In-Reply-To points elsewhere', async () => {
    const parsed = await parse([
      'From: ada@customer.example.test',
      `To: ${SUPPORT}`,
      'Subject: Re: something',
      'In-Reply-To: <CAF123@mail.customer.example.test>',
      `References: <ticket-${TICKET_ID}@desk.example.test> <CAF123@mail.customer.example.test>`,
    ], 'More detail.\n> quoted');
    expect(interpretInbound(parsed, options)).toMatchObject({ kind: 'reply', matchedBy: 'thread_headers', ticketId: TICKET_ID, text: 'More detail.' });
  });

  it('accepts mail to any support alias, and rejects mail to nobody of ours', async () => {
    const toAlias = await parse(['From: ada@customer.example.test', 'Cc: Help <HELP@desk.example.test>', 'To: bob@customer.example.test', 'Subject: Hi']);
    expect(interpretInbound(toAlias, options).kind).toBe('new_ticket');
    const elsewhere = await parse(['From: ada@customer.example.test', 'To: bob@customer.example.test', 'Subject: Hi']);
    expect(interpretInbound(elsewhere, options)).toMatchObject({ kind: 'rejected', reason: 'not_addressed_to_support', message: expect.stringContaining('help@desk.example.test or support@desk.example.test') });
  });

  it('rejects mail without a sender and bulk mail', async () => {
    expect(interpretInbound(await parse([`To: ${SUPPORT}`, 'Subject: Hi']), options)).toMatchObject({ kind: 'rejected', reason: 'no_sender' });
    expect(interpretInbound(await parse(['From: news@list.example.test', `To: ${SUPPORT}`, 'Precedence: bulk', 'Subject: News']), options)).toMatchObject({ kind: 'rejected', reason: 'automatic_reply' });
  });

  it('reads the text of an HTML-only message and names an untitled one', async () => {
    const parsed = await parse(['From: ada@customer.example.test', `To: ${SUPPORT}`, 'Content-Type: text/html; charset=utf-8'], '<p>Calls drop after <b>30 s</b>.</p>');
    expect(interpretInbound(parsed, options)).toMatchObject({ kind: 'new_ticket', subject: '(no subject)', text: 'Calls drop after 30 s.' });
  });
});

describe.each(DATABASE_KINDS)('attachments of inbound email, through the listener into the ticket, on %s', (kind) => {
  let service: TestService;
  let inbound: InboundSmtp;
  let transport: ReturnType<typeof nodemailer.createTransport>;
  let customer: string;
  let ticket: { id: string; number: number };
  /** Bytes that survive no accidental re-encoding: every byte value, then noise. */
  const trace = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251))]);

  // Riley's domain signs its mail (DKIM) and publishes DMARC; the listener checks both (verify mode).
  const dns = new FakeDns().dmarc('bluefin-apps.example', 'v=DMARC1; p=reject');
  const dkim = dns.dkimKey('bluefin-apps.example', 'mail');
  const send = (message: SendMailOptions) => transport.sendMail({ from: `Riley Marsh <${CUSTOMER_A}>`, to: SUPPORT, dkim, ...message });
  const api = (url: string) => service.request(customer, { method: 'GET', url });
  const byName = <T extends { filename: string }>(items: T[]) => [...items].sort((a, b) => a.filename.localeCompare(b.filename));

  beforeAll(async () => {
    service = await startTestService(kind);
    inbound = await startInboundMail({ db: service.db, clock: service.clock, registry: service.registry }, { port: 0, supportAddress: SUPPORT, resolver: dns.resolver });
    transport = nodemailer.createTransport({ host: inbound.host, port: inbound.port, secure: false, ignoreTLS: true });
    customer = await service.signIn(CUSTOMER_A);
  });
  afterAll(async () => {
    transport?.close();
    await inbound?.close();
    await service?.close();
  });

  it('stores the files of a message that opens a ticket, downloadable with the same bytes', async () => {
    await send({
      subject: 'Calls drop, trace attached',
      text: 'See the attached trace and log.',
      attachments: [
        { filename: 'trace.pcap', content: trace, contentType: 'application/vnd.tcpdump.pcap' },
        { filename: 'notes/log.txt', content: 'error 30007\n' },
      ],
    });
    const list = await api(`/api/v1/tickets?q=${encodeURIComponent('Calls drop, trace attached')}`);
    expect(list.statusCode, list.body).toBe(200);
    const found = list.json().items.filter((t: { subject: string }) => t.subject === 'Calls drop, trace attached');
    expect(found).toHaveLength(1);
    ticket = { id: found[0].id, number: found[0].number };
    expect(found[0].description).toBe('See the attached trace and log.');

    const attachments = await api(`/api/v1/tickets/${ticket.id}/attachments`);
    expect(attachments.statusCode, attachments.body).toBe(200);
    const items = byName(attachments.json().items as { id: string; filename: string; content_type: string; size: number; comment_id: string | null; uploaded_by: string }[]);
    const riley = await service.db.selectFrom('users').select('id').where('email', '=', CUSTOMER_A).executeTakeFirstOrThrow();
    expect(items.map((a) => [a.filename, a.content_type, a.size, a.comment_id, a.uploaded_by])).toEqual([
      ['notes_log.txt', 'text/plain', 12, null, riley.id],
      ['trace.pcap', 'application/vnd.tcpdump.pcap', trace.length, null, riley.id],
    ]);
    const download = await api(`/api/v1/tickets/${ticket.id}/attachments/${items[1]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.tcpdump.pcap');
    expect(download.rawPayload.equals(trace)).toBe(true);
    expect((await api(`/api/v1/tickets/${ticket.id}/attachments/${items[0]!.id}`)).body).toBe('error 30007\n');
  });

  it('ties the files of a reply to its comment, and leaves out one over 10 MiB with a note saying so', async () => {
    const huge = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x61);
    const screenshot = trace.subarray(0, 5000);
    await send({
      subject: `Re: [#${ticket.number}] Calls drop, trace attached`,
      text: 'Here is a screenshot and the full capture.',
      attachments: [
        { filename: 'full-capture.pcap', content: huge, contentType: 'application/vnd.tcpdump.pcap' },
        { filename: 'screenshot.png', content: screenshot, contentType: 'image/png' },
      ],
    });
    const comments = (await api(`/api/v1/tickets/${ticket.id}/comments`)).json();
    const replies = (Array.isArray(comments) ? comments : comments.items) as { id: string; body: string; channel: string }[];
    expect(replies).toHaveLength(1);
    expect(replies[0]!.channel).toBe('email');
    expect(replies[0]!.body).toBe(
      'Here is a screenshot and the full capture.\n\n(Not attached: "full-capture.pcap" (10.1 MiB) is larger than the 10 MiB limit for attachments; send it as a link.)',
    );

    const items = byName((await api(`/api/v1/tickets/${ticket.id}/attachments`)).json().items as { id: string; filename: string; comment_id: string | null }[]);
    expect(items.map((a) => [a.filename, a.comment_id])).toEqual([
      ['notes_log.txt', null],
      ['screenshot.png', replies[0]!.id],
      ['trace.pcap', null],
    ]);
    const download = await api(`/api/v1/tickets/${ticket.id}/attachments/${items[1]!.id}`);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(screenshot)).toBe(true);
  });

  it('notes an oversized file on a new ticket too, and still opens it', async () => {
    await send({
      subject: 'Only a huge file',
      text: '',
      attachments: [{ filename: 'dump.bin', content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 512 * 1024, 1) }],
    });
    const found = (await api(`/api/v1/tickets?q=${encodeURIComponent('Only a huge file')}`)).json().items.filter((t: { subject: string }) => t.subject === 'Only a huge file');
    expect(found).toHaveLength(1);
    expect(found[0].description).toBe('(The email had no text.)\n\n(Not attached: "dump.bin" (10.5 MiB) is larger than the 10 MiB limit for attachments; send it as a link.)');
    expect((await api(`/api/v1/tickets/${found[0].id}/attachments`)).json().items).toEqual([]);
  });
});
