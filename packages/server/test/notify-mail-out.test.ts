import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, NOTIFY_EVENTS, NotifyError, renderTemplate, type Mailer, type NotifyEvent, type TemplateData, type TicketSummary } from '../src/notify/index.js';

const FROM = 'Hourglass Support <support@desk.example.test>';
const TICKET_ID = '7d9f2c1e-4b8a-4f3e-9c21-0a5b6c7d8e9f';
const HOSTILE = `Webhooks <script>alert("x")</script> & 'quotes'`;
const ticket: TicketSummary = { id: TICKET_ID, number: 42, subject: HOSTILE, url: 'https://desk.example.test/tickets/42?tab=a&b=1' };
const due = { iso: '2026-03-02T11:00:00-08:00', zone: 'America/Los_Angeles' };
const explanation = ['Counted 2026-03-02T09:00:00-08:00 to 2026-03-02T11:00:00-08:00 (2h)', 'skipped Saturday 28 Feb <weekend>'];

const DATA: { [E in NotifyEvent]: TemplateData[E] } = {
  ticket_created: { ticket, requesterName: 'Ada <Admin>', priority: 'P2', targets: [{ metric: 'First response', due, explanation }] },
  public_reply: { ticket, authorName: 'Sam Agent', body: 'Please try again.\n\n<b>not bold</b> & done' },
  pending_reminder: { ticket, autoSolveAt: { iso: '2026-03-16T09:00:00-07:00', zone: 'America/Los_Angeles' } },
  auto_solved: { ticket, pendingBusinessDays: 10 },
  assigned: { ticket, assigneeName: 'Sam Agent', priority: 'P1', targets: [{ metric: 'Acknowledgment', due }], reason: 'primary account manager in hours' },
  breach_warning: { ticket, metric: 'first_response', due, remainingMs: 30 * 60_000, explanation, explanationZone: 'America/Los_Angeles' },
  breached: { ticket, metric: 'first_response', due, explanation, explanationZone: 'America/Los_Angeles' },
  escalated: { ticket, reason: 'A critical blocker impacting my business, available to engage now', escalatedBy: 'Ada Customer', note: 'Production down <now>', responseDue: due },
  escalation_warning: { ticket, reason: 'A critical blocker impacting my business, available to engage now', escalatedBy: 'Ada Customer', responseDue: due, remainingMs: 15 * 60_000, assigneeName: 'Sam <Agent>' },
  escalation_breached: { ticket, reason: 'A critical blocker impacting my business, available to engage now', escalatedBy: 'Ada Customer', responseDue: due, assigneeName: 'Sam <Agent>' },
};

/**
 * Every clock time a message prints, with what follows it: an ISO instant must carry its offset, and a
 * wall time must be followed by its zone's abbreviation (or UTC offset) and IANA name.
 */
function timesWithoutZone(text: string): string[] {
  const bare: string[] = [];
  for (const match of text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?|(?<![+\-\d:])\b\d{1,2}:\d{2}\b/g)) {
    const [found, offset] = match;
    if (found.includes('T')) {
      if (!offset) bare.push(found);
      continue;
    }
    const after = text.slice(match.index + found.length, match.index + found.length + 60);
    if (!/^ (?:[A-Z]{2,5}|GMT[+-]\d{1,2}(?::\d{2})?) \([A-Za-z_]+(?:\/[A-Za-z_]+)+\)|^ UTC\b/.test(after)) bare.push(`${found}${after}`);
  }
  return bare;
}

describe('every template names the zone of every time it prints', () => {
  const readers = ['America/Denver', 'Europe/Berlin', 'Asia/Kolkata', 'UTC', 'Europe/London'];
  it.each(NOTIFY_EVENTS)('%s', (event) => {
    for (const zone of readers) {
      const data = JSON.parse(JSON.stringify(DATA[event]).replaceAll('"zone":"America/Los_Angeles"', `"zone":"${zone}"`)) as TemplateData[typeof event];
      const rendered = renderTemplate(event, data as never);
      expect(timesWithoutZone(rendered.text), `${event} for a reader in ${zone}:\n${rendered.text}`).toEqual([]);
      expect(timesWithoutZone(rendered.subject)).toEqual([]);
    }
  });
  it('catches a time without its zone', () => {
    expect(timesWithoutZone('due 11:00 tomorrow, or 2026-03-02T11:00:00')).toEqual(['11:00 tomorrow, or 2026-03-02T11:00:00', '2026-03-02T11:00:00']);
    expect(timesWithoutZone('due 11:00 MST (America/Denver), 17:30 GMT+5:30 (Asia/Kolkata), 10:00 UTC, 2026-03-02T11:00:00-08:00')).toEqual([]);
  });
});

describe('email out through a real SMTP listener', () => {
  let server: SMTPServer;
  let port: number;
  let mailer: Mailer;
  let received: ParsedMail[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('bounce@')) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        else callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (parsed) => {
            received.push(parsed);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    mailer = createMailer({ transport: { host: '127.0.0.1', port, secure: false, ignoreTLS: true }, from: FROM });
  });
  afterAll(async () => {
    mailer?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received = [];
  });

  it.each(NOTIFY_EVENTS)('sends %s threaded on the ticket, with escaped HTML', async (event) => {
    const sent = await mailer.send(event, { to: { name: 'Ada Customer', address: 'ada@customer.example.test' }, ticketId: TICKET_ID, data: DATA[event] as never });
    expect(sent.accepted).toEqual(['ada@customer.example.test']);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    const root = `<ticket-${TICKET_ID}@desk.example.test>`;
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.messageId).toMatch(new RegExp(`^<ticket-${TICKET_ID}-${event}-[0-9a-f-]{36}@desk\\.example\\.test>$`));
    expect(mail.inReplyTo).toBe(root);
    expect(mail.references).toBe(root);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-hourglass-event')).toBe(event);
    expect(mail.from?.value[0]?.address).toBe('support@desk.example.test');
    expect(mail.subject).toContain('[#42]');
    expect(mail.subject).toContain(HOSTILE);

    const html = mail.html as string;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(html).toContain('href="https://desk.example.test/tickets/42?tab=a&amp;b=1"');
    expect(mail.text).toContain(HOSTILE);
    expect(mail.text).toContain('https://desk.example.test/tickets/42?tab=a&b=1');
  });

  it('gives each message its own id but the same thread root', async () => {
    const a = await mailer.send('public_reply', { to: 'ada@customer.example.test', ticketId: TICKET_ID, data: DATA.public_reply });
    const b = await mailer.send('public_reply', { to: 'ada@customer.example.test', ticketId: TICKET_ID, data: DATA.public_reply });
    expect(a.messageId).not.toBe(b.messageId);
    expect(received.map((mail) => mail.inReplyTo)).toEqual([`<ticket-${TICKET_ID}@desk.example.test>`, `<ticket-${TICKET_ID}@desk.example.test>`]);
  });

  it('shows due times in the reader’s zone with the zone named, and the explanation as a list', async () => {
    await mailer.send('breach_warning', { to: 'agent@provider.example.test', ticketId: TICKET_ID, data: DATA.breach_warning });
    const mail = received[0]!;
    expect(mail.subject).toBe(`[#42] Breach warning (first_response): ${HOSTILE}`);
    expect(mail.text).toContain('Monday 2 March 2026, 11:00 PST (America/Los_Angeles)');
    expect(mail.text).toContain('How the due time was reached (business hours in America/Los_Angeles; times carry their UTC offset):');
    expect(mail.text).toContain('30m of business time is left.');
    expect(mail.text).toContain('  - skipped Saturday 28 Feb <weekend>');
    expect(mail.html).toContain('<li>skipped Saturday 28 Feb &lt;weekend&gt;</li>');
  });

  it('warns of an escalation response due soon, with the business time left and who has the ticket', async () => {
    await mailer.send('escalation_warning', { to: 'agent@provider.example.test', ticketId: TICKET_ID, data: DATA.escalation_warning });
    const mail = received[0]!;
    expect(mail.subject).toBe(`[#42] Escalation response due soon: ${HOSTILE}`);
    expect(mail.text).toContain('by Ada Customer has not been answered yet; its response is due Monday 2 March 2026, 11:00 PST (America/Los_Angeles)');
    expect(mail.text).toContain('15m of business time is left.');
    expect(mail.text).toContain('Reason: A critical blocker impacting my business, available to engage now');
    expect(mail.html).toContain('Assigned to Sam &lt;Agent&gt;.');
    expect(() => renderTemplate('escalation_warning', { ...DATA.escalation_warning, remainingMs: Number.NaN })).toThrow(/remainingMs must be zero or more/);
  });

  it('quotes a public reply as text, keeping paragraphs, without letting its markup through', async () => {
    await mailer.send('public_reply', { to: 'ada@customer.example.test', ticketId: TICKET_ID, data: DATA.public_reply });
    const mail = received[0]!;
    expect(mail.text).toContain('<b>not bold</b> & done');
    expect(mail.html).toContain('<p>Please try again.</p>');
    expect(mail.html).toContain('<p>&lt;b&gt;not bold&lt;/b&gt; &amp; done</p>');
  });

  it('reports a recipient the server refuses as a send failure with its answer', async () => {
    const attempt = mailer.send('auto_solved', { to: 'bounce@customer.example.test', ticketId: TICKET_ID, data: DATA.auto_solved });
    await expect(attempt).rejects.toThrow(NotifyError);
    await expect(attempt).rejects.toThrow(/auto_solved email for ticket 7d9f2c1e.*Mailbox unavailable/);
    expect(received).toHaveLength(0);
  });

  it('refuses unusable data with a message that names the field', () => {
    expect(() => renderTemplate('auto_solved', { ticket: { ...ticket, url: 'javascript:alert(1)' }, pendingBusinessDays: 10 })).toThrow(/ticket.url must use http or https/);
    expect(() => renderTemplate('breached', { ...DATA.breached, due: { iso: '2026-03-02T11:00:00', zone: 'America/Los_Angeles' } })).toThrow(/due.iso must be an ISO 8601 instant with an offset/);
    expect(() => renderTemplate('breached', { ...DATA.breached, due: { iso: due.iso, zone: 'Mars/Olympus' } })).toThrow(/due.zone must be an IANA time zone/);
    expect(() => renderTemplate('breach_warning', { ...DATA.breach_warning, remainingMs: -1 })).toThrow(/remainingMs must be zero or more/);
    expect(() => renderTemplate('nope' as NotifyEvent, DATA.breached as never)).toThrow(/No template for event "nope"/);
    expect(() => mailer.compose('breached', { to: 'not-an-address', ticketId: TICKET_ID, data: DATA.breached })).toThrow(/"not-an-address" is not an email address/);
    expect(() => mailer.compose('breached', { to: [], ticketId: TICKET_ID, data: DATA.breached })).toThrow(/at least one recipient/);
    expect(() => mailer.compose('breached', { to: 'a@b.test', ticketId: 'bad id>', data: DATA.breached })).toThrow(/cannot go into a Message-ID/);
  });

  it('refuses a sender without an address', () => {
    expect(() => createMailer({ transport: { host: '127.0.0.1', port }, from: 'Support' })).toThrow(/from must be an address/);
  });
});
