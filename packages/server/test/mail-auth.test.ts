import { dkimSign } from 'mailauth';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import type { InboundSmtp } from '../src/notify/index.js';
import { startInboundMail } from '../src/mail-in/index.js';
import { ADMIN, AGENT, CUSTOMER_A, CUSTOMER_B, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';
import { FakeDns, passingAuthResults, type DkimSigner } from './support/mail-auth.js';

// Inbound mail is trusted by its From address only when SPF/DKIM/DMARC (or a trusted relay) say so.
// Everything goes through a real SMTP listener into a real database; DNS answers come from FakeDns.

const SUPPORT = 'support@desk.example.test';
const AUTHSERV = 'mx.relay.example.test';

describe.each(DATABASE_KINDS)('authentication of inbound mail on %s', (kind) => {
  let service: TestService;
  let verifying: InboundSmtp;
  let relayed: InboundSmtp;
  let client: Transporter;
  let relayClient: Transporter;
  let strangerClient: Transporter;
  let agent: string;
  let admin: string;
  let customerB: string;
  let staffKey: DkimSigner;
  let bluefinKey: DkimSigner;
  let otherKey: DkimSigner;
  let danaTicket: { id: string; number: number };
  const dns = new FakeDns();

  const api = async (auth: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await service.request(auth, payload === undefined ? { method, url } : { method, url, payload: payload as object });
    return { status: response.statusCode, body: response.body ? response.json() : null };
  };
  const suspended = async (status = 'pending') => (await api(agent, 'GET', `/api/v1/suspended-mail?status=${status}&limit=200`)).body.items as any[];
  const commentsOn = async (ticketId: string) =>
    service.db.selectFrom('ticket_comments').select(['body', 'public', 'author_id']).where('ticket_id', '=', ticketId).orderBy('created_at').execute();
  const notificationsFor = async (ticketId: string) =>
    Number((await service.db.selectFrom('notification_events').select((eb) => eb.fn.countAll().as('n')).where('ticket_id', '=', ticketId).executeTakeFirstOrThrow()).n);
  const ticketsTitled = async (subject: string) => service.db.selectFrom('tickets').select(['id', 'requester_id', 'channel']).where('subject', '=', subject).execute();
  const userId = async (email: string) => (await service.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const send = (transport: Transporter, message: SendMailOptions) => transport.sendMail({ to: SUPPORT, ...message });

  beforeAll(async () => {
    service = await startTestService(kind);
    // The desk's own domain: only 203.0.113.5 may send for it, DMARC reject, DKIM key "desk".
    dns.spf('hourglass.example', 'v=spf1 ip4:203.0.113.5 -all').dmarc('hourglass.example', 'v=DMARC1; p=reject');
    staffKey = dns.dkimKey('hourglass.example', 'desk');
    // Bluefin (customer A): DMARC quarantine, signs with "mail2026"; its SPF does not list the test client.
    dns.spf('bluefin-apps.example', 'v=spf1 ip4:198.51.100.7 -all').dmarc('bluefin-apps.example', 'v=DMARC1; p=quarantine');
    bluefinKey = dns.dkimKey('bluefin-apps.example', 'mail2026');
    // Cobalt Freight (customer B) publishes SPF for another host, and no DMARC record.
    dns.spf('cobalt-freight.example', 'v=spf1 ip4:198.51.100.99 -all');
    // A domain the attacker controls, with a working DKIM key.
    otherKey = dns.dkimKey('attacker.example', 'k1');

    const deps = { db: service.db, clock: service.clock, registry: service.registry };
    verifying = await startInboundMail(deps, { port: 0, supportAddress: SUPPORT, resolver: dns.resolver });
    relayed = await startInboundMail(deps, { port: 0, supportAddress: SUPPORT, auth: { mode: 'relay', relays: ['127.0.0.1/32', '2001:db8::/64'], authservId: AUTHSERV } });
    client = nodemailer.createTransport({ host: verifying.host, port: verifying.port, secure: false, ignoreTLS: true });
    relayClient = nodemailer.createTransport({ host: relayed.host, port: relayed.port, secure: false, ignoreTLS: true });
    // The same relay listener, reached from 127.0.0.2: an address that is not a configured relay.
    strangerClient = nodemailer.createTransport({ host: relayed.host, port: relayed.port, secure: false, ignoreTLS: true, localAddress: '127.0.0.2' } as never);

    agent = await service.signIn(AGENT);
    admin = await service.signIn(ADMIN);
    customerB = await service.signIn(CUSTOMER_B);
    const created = await api(customerB, 'POST', '/api/v1/tickets', { subject: 'Trucks stuck at the depot gate', description: 'The gate app rejects every driver code.' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    danaTicket = { id: created.body.id, number: created.body.number };
  });
  afterAll(async () => {
    for (const transport of [client, relayClient, strangerClient]) transport?.close();
    await verifying?.close();
    await relayed?.close();
    await service?.close();
  });

  it("a forged agent reply to another account's ticket is never a public reply and nothing reaches the customer", async () => {
    const before = await notificationsFor(danaTicket.id);
    await send(client, { from: `Lena Vogt <${AGENT}>`, subject: `Re: [#${danaTicket.number}] Trucks stuck at the depot gate`, text: 'Please wire the fee to IBAN XX00 1234 to unlock your trucks.' });
    // And once more with a valid DKIM signature, but of the attacker's own domain.
    await send(client, { from: AGENT, subject: `Re: [#${danaTicket.number}] Trucks stuck`, text: 'Signed, but not by hourglass.example.', dkim: otherKey });

    expect(await commentsOn(danaTicket.id)).toEqual([]);
    expect(await notificationsFor(danaTicket.id)).toBe(before);
    const held = (await suspended()).filter((m) => m.from.address === AGENT);
    expect(held).toHaveLength(2);
    const signedByOther = held.find((m) => m.reason.includes('attacker.example'))!;
    const unsigned = held.find((m) => m !== signedByOther)!;
    expect(unsigned).toMatchObject({ kind: 'reply', sender_role: 'agent', can_accept: false, status: 'pending' });
    expect(unsigned.reason).toBe('SPF fail for 127.0.0.1 (hourglass.example); no DKIM signature; DMARC fail for hourglass.example (policy reject)');
    expect(signedByOther.reason).toContain('DKIM pass for attacker.example, which is not the From domain hourglass.example');
    expect(unsigned.accept_blocked).toMatch(/never applied as staff mail/);

    const accept = await api(admin, 'POST', `/api/v1/suspended-mail/${unsigned.id}/accept`);
    expect(accept.status).toBe(409);
    expect(accept.body.error.message).toMatch(/never applied as staff mail/);
    expect(await commentsOn(danaTicket.id)).toEqual([]);
    expect(await notificationsFor(danaTicket.id)).toBe(before);
    const discard = await api(admin, 'POST', `/api/v1/suspended-mail/${unsigned.id}/discard`);
    expect(discard.status).toBe(200);
    expect(discard.body).toMatchObject({ status: 'discarded', can_accept: false });
  });

  it('an agent reply signed by the desk domain is taken as the agent reply it is', async () => {
    const before = await notificationsFor(danaTicket.id);
    await send(client, { from: AGENT, subject: `Re: [#${danaTicket.number}] Trucks stuck at the depot gate`, text: 'We reset the gate codes; please try again.', dkim: staffKey });
    const comments = await commentsOn(danaTicket.id);
    expect(comments).toEqual([{ body: 'We reset the gate codes; please try again.', public: true, author_id: await userId(AGENT) }]);
    expect(await notificationsFor(danaTicket.id)).toBeGreaterThan(before);
  });

  it('a forged customer mail waits in review with its reason, and is applied only when accepted, once', async () => {
    await send(client, {
      from: `Dana Whitlock <${CUSTOMER_B}>`,
      subject: 'Cancel all our numbers',
      text: 'Please cancel every number on our account today.',
      attachments: [{ filename: 'list.csv', content: 'number\n+15550100\n' }],
      messageId: '<forged-dana-1@cobalt-freight.example>',
    });
    // Delivered twice: it waits once.
    await send(client, { from: CUSTOMER_B, subject: 'Cancel all our numbers', text: 'again', messageId: '<forged-dana-1@cobalt-freight.example>' });
    expect(await ticketsTitled('Cancel all our numbers')).toEqual([]);

    const waiting = (await suspended()).filter((m) => m.subject === 'Cancel all our numbers');
    expect(waiting).toHaveLength(1);
    const item = waiting[0];
    expect(item).toMatchObject({ kind: 'new_ticket', sender_role: 'customer', can_accept: true, from: { address: CUSTOMER_B, name: 'Dana Whitlock' }, remote_address: '127.0.0.1' });
    expect(item.reason).toBe('SPF fail for 127.0.0.1 (cobalt-freight.example); no DKIM signature; no DMARC record for cobalt-freight.example');

    const shown = await api(agent, 'GET', `/api/v1/suspended-mail/${item.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ text: 'Please cancel every number on our account today.', attachments: [{ filename: 'list.csv', size: 17 }] });

    // Customers cannot see or decide on the list.
    expect((await api(customerB, 'GET', '/api/v1/suspended-mail')).status).toBe(403);
    expect((await api(customerB, 'POST', `/api/v1/suspended-mail/${item.id}/accept`)).status).toBe(403);

    const [first, second] = await Promise.all([
      api(agent, 'POST', `/api/v1/suspended-mail/${item.id}/accept`),
      api(admin, 'POST', `/api/v1/suspended-mail/${item.id}/accept`),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const accepted = first.status === 200 ? first.body : second.body;
    expect(accepted).toMatchObject({ status: 'accepted', outcome: 'ticket_created', can_accept: false });
    const tickets = await ticketsTitled('Cancel all our numbers');
    expect(tickets).toEqual([{ id: accepted.ticket_id, requester_id: await userId(CUSTOMER_B), channel: 'email' }]);
    const files = await service.db.selectFrom('attachments').select(['filename', 'size']).where('ticket_id', '=', accepted.ticket_id).execute();
    expect(files).toEqual([{ filename: 'list.csv', size: 17 }]);
    const again = await api(agent, 'POST', `/api/v1/suspended-mail/${item.id}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already accepted/);
    expect(await ticketsTitled('Cancel all our numbers')).toHaveLength(1);
  });

  it('a forged customer reply is added as their reply after accept', async () => {
    await send(client, { from: CUSTOMER_B, subject: `Re: [#${danaTicket.number}] Trucks stuck at the depot gate`, text: 'Still broken, call me.' });
    const item = (await suspended()).find((m) => m.kind === 'reply' && m.from.address === CUSTOMER_B)!;
    expect(item).toBeDefined();
    expect((await commentsOn(danaTicket.id)).map((c) => c.body)).not.toContain('Still broken, call me.');
    const accept = await api(agent, 'POST', `/api/v1/suspended-mail/${item.id}/accept`);
    expect(accept.status, JSON.stringify(accept.body)).toBe(200);
    expect(accept.body).toMatchObject({ outcome: 'reply_added', ticket_id: danaTicket.id });
    const comments = await commentsOn(danaTicket.id);
    expect(comments.at(-1)).toEqual({ body: 'Still broken, call me.', public: true, author_id: await userId(CUSTOMER_B) });
  });

  it('a DKIM-signed mail from a domain with SPF, DKIM and DMARC records is applied at once', async () => {
    await send(client, { from: `Riley Marsh <${CUSTOMER_A}>`, subject: 'Signed and sealed', text: 'SMS to +1 555 0100 fail.', dkim: bluefinKey });
    expect(await ticketsTitled('Signed and sealed')).toHaveLength(1);
    expect((await suspended('all')).filter((m) => m.subject === 'Signed and sealed')).toEqual([]);
    expect(dns.asked).toEqual(expect.arrayContaining(['TXT mail2026._domainkey.bluefin-apps.example', 'TXT _dmarc.bluefin-apps.example', 'TXT bluefin-apps.example']));
  });

  it('a DKIM signature that covers only the start of the body (l=) does not vouch for text added below it', async () => {
    const body = 'Please close my ticket.\r\n';
    const key = { signingDomain: 'bluefin-apps.example', selector: 'mail2026', privateKey: bluefinKey.privateKey };
    const message = `From: ${CUSTOMER_A}\r\nTo: ${SUPPORT}\r\nSubject: Partly signed\r\nMessage-ID: <partial-1@bluefin-apps.example>\r\n\r\n${body}`;
    const signed = await dkimSign(message, {
      ...key,
      // mailauth signs with the entries of signatureData; its types also ask for the fields at the top.
      signatureData: [{ ...key, maxBodyLength: body.length }],
    });
    expect(signed.errors).toEqual([]);
    expect(signed.signatures).toMatch(/^DKIM-Signature: .*\bl=25;/s);
    await client.sendMail({ envelope: { from: CUSTOMER_A, to: [SUPPORT] }, raw: `${signed.signatures}${message}P.S. Also make attacker@evil.example an admin.\r\n` });
    expect(await ticketsTitled('Partly signed')).toEqual([]);
    const item = (await suspended()).find((m) => m.subject === 'Partly signed');
    expect(item?.reason).toBe(
      'SPF fail for 127.0.0.1 (bluefin-apps.example); DKIM partial (l= leaves part of the body unsigned) for bluefin-apps.example; DMARC fail for bluefin-apps.example (policy quarantine)',
    );
  });

  it('an aligned SPF pass counts where the domain publishes no DMARC record', async () => {
    dns.spf('cobalt-freight.example', 'v=spf1 ip4:127.0.0.1 -all');
    try {
      await send(client, { from: CUSTOMER_B, subject: 'Sent from our own server', text: 'Hello from the depot.' });
    } finally {
      dns.spf('cobalt-freight.example', 'v=spf1 ip4:198.51.100.99 -all');
    }
    expect(await ticketsTitled('Sent from our own server')).toHaveLength(1);
  });

  it('asks the sender to try again later (451) while DNS does not answer, and keeps nothing', async () => {
    dns.down.add('cobalt-freight.example');
    try {
      const attempt = send(client, { from: CUSTOMER_B, subject: 'While DNS is down', text: 'x' });
      await expect(attempt).rejects.toMatchObject({ responseCode: 451 });
      await expect(attempt).rejects.toThrow(/could not be verified for now .*temperror.*try again later/);
    } finally {
      dns.down.delete('cobalt-freight.example');
    }
    expect(await ticketsTitled('While DNS is down')).toEqual([]);
    expect((await suspended('all')).filter((m) => m.subject === 'While DNS is down')).toEqual([]);
  });

  it("relay mode trusts the relay's Authentication-Results only from a configured relay address and only with its authserv-id", async () => {
    const header = { 'Authentication-Results': passingAuthResults(AUTHSERV, CUSTOMER_A) };
    await send(relayClient, { from: CUSTOMER_A, subject: 'Through the relay', text: 'Checked upstream.', headers: header });
    expect(await ticketsTitled('Through the relay')).toHaveLength(1);

    await send(strangerClient, { from: CUSTOMER_A, subject: 'Around the relay', text: 'Same header, other sender.', headers: header });
    await send(relayClient, { from: CUSTOMER_A, subject: 'Someone else checked', text: 'x', headers: { 'Authentication-Results': passingAuthResults('mx.attacker.example', CUSTOMER_A) } });
    await send(relayClient, {
      from: CUSTOMER_A,
      subject: 'Relay says fail',
      text: 'x',
      headers: { 'Authentication-Results': `${AUTHSERV}; dkim=none; spf=fail smtp.mailfrom=${CUSTOMER_A}; dmarc=fail (p=quarantine) header.from=bluefin-apps.example` },
    });
    for (const subject of ['Around the relay', 'Someone else checked', 'Relay says fail']) expect(await ticketsTitled(subject)).toEqual([]);
    const reasons = Object.fromEntries((await suspended()).map((m) => [m.subject, m.reason]));
    expect(reasons['Around the relay']).toBe('Sent by 127.0.0.2, which is not a configured mail relay (HOURGLASS_MAIL_RELAYS), so its Authentication-Results headers were ignored.');
    expect(reasons['Someone else checked']).toBe(`The relay 127.0.0.1 added no Authentication-Results header for ${AUTHSERV} (HOURGLASS_MAIL_AUTHSERV_ID).`);
    expect(reasons['Relay says fail']).toBe(`As checked by ${AUTHSERV}: SPF fail (bluefin-apps.example); no DKIM signature; DMARC fail for bluefin-apps.example (policy quarantine)`);
  });

  it('pages the list newest first, and keeps another provider out', async () => {
    const all = await suspended('all');
    const first = await api(agent, 'GET', '/api/v1/suspended-mail?status=all&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((m: { id: string }) => m.id)).toEqual(all.slice(0, 2).map((m) => m.id));
    const second = await api(agent, 'GET', `/api/v1/suspended-mail?status=all&limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.items.map((m: { id: string }) => m.id)).toEqual(all.slice(2, 4).map((m) => m.id));
    const times = all.map((m) => Date.parse(m.received_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await api(agent, 'GET', '/api/v1/suspended-mail?cursor=WyJ4IiwieSJd')).status).toBe(400);

    const provider = await service.db.insertInto('providers').values({ name: 'Other Desk', slug: `other-${kind}` } as never).returning('id').executeTakeFirstOrThrow();
    await service.db
      .insertInto('users')
      .values({ provider_id: provider.id, email: 'admin@other-desk.example', name: 'Other Admin', role: 'admin', password_hash: await hashPassword('other-desk-password') } as never)
      .execute();
    const outsider = await service.signIn('admin@other-desk.example', 'other-desk-password');
    expect((await api(outsider, 'GET', '/api/v1/suspended-mail?status=all')).body.items).toEqual([]);
    const target = all.find((m) => m.status === 'pending')!;
    expect((await api(outsider, 'GET', `/api/v1/suspended-mail/${target.id}`)).status).toBe(404);
    expect((await api(outsider, 'POST', `/api/v1/suspended-mail/${target.id}/accept`)).status).toBe(404);
    expect((await api(outsider, 'POST', `/api/v1/suspended-mail/${target.id}/discard`)).status).toBe(404);
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await service.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/suspended-mail', '/api/v1/suspended-mail/{id}', '/api/v1/suspended-mail/{id}/accept', '/api/v1/suspended-mail/{id}/discard']));
  });
});
