import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, CUSTOMER_B, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('incidents meet tickets on %s', (kind) => {
  let service: TestService;
  let admin: string;
  let agent: string;
  let customerA: string;
  let customerB: string;
  let customerDe: string;
  let accountA: string;
  let accountB: string;
  let sms: string;
  let mail: string;

  const post = (auth: string, url: string, payload?: unknown) => service.request(auth, { method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (auth: string, url: string) => service.request(auth, { method: 'GET', url });
  const put = (auth: string, url: string, payload: unknown) => service.request(auth, { method: 'PUT', url, payload: payload as object });
  const comments = async (auth: string, ticketId: string) => (await get(auth, `/api/v1/tickets/${ticketId}/comments`)).json().items as { body: string; public: boolean }[];
  const openTicket = async (auth: string, subject: string, extra: Record<string, unknown> = {}) => {
    const r = await post(auth, '/api/v1/tickets', { subject, description: `${subject}, in detail.`, ...extra });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; number: number };
  };
  const openIncident = async (name: string, componentIds: string[], extra: Record<string, unknown> = {}) => {
    const r = await post(agent, '/api/v1/incidents', { name, status: 'investigating', impact: 'major', body: `${name}: investigating.`, components: componentIds.map((id) => ({ id, status: 'major_outage' })), ...extra });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string };
  };
  const resolve = (id: string) => post(agent, `/api/v1/incidents/${id}/updates`, { status: 'resolved', body: 'Resolved.' });

  beforeAll(async () => {
    service = await startTestService(kind);
    [admin, agent, customerA, customerB] = [await service.signIn(ADMIN), await service.signIn(AGENT), await service.signIn(CUSTOMER_A), await service.signIn(CUSTOMER_B)];
    customerDe = await service.signIn('frieda@elmtree-retail.example');
    accountA = (await get(customerA, '/api/v1/me')).json().account_id;
    accountB = (await get(customerB, '/api/v1/me')).json().account_id;
    sms = (await post(admin, '/api/v1/status/components', { key: 'sms-api', name: 'SMS API', products: ['messaging'] })).json().id;
    mail = (await post(admin, '/api/v1/status/components', { key: 'mail-send', name: 'Mail Send', products: ['email'] })).json().id;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('links tickets (staff only, own provider), lists them both ways, and unlinks', async () => {
    const ticket = await openTicket(customerA, 'SMS delayed');
    const incident = await openIncident('SMS delays', [sms]);
    expect((await post(customerA, `/api/v1/incidents/${incident.id}/tickets`, { ticket_id: ticket.id })).statusCode).toBe(403);
    const linked = await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_id: ticket.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().items).toEqual([{ id: ticket.id, number: ticket.number, subject: 'SMS delayed', status: 'new', account: { id: accountA, name: 'Bluefin Apps' } }]);
    expect((await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_id: ticket.id })).json().items).toHaveLength(1);
    const missing = await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_id: '00000000-0000-0000-0000-000000000000' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('body.ticket_id');
    expect((await get(agent, `/api/v1/incidents/${incident.id}`)).json().linked_tickets).toBe(1);

    const mine = await get(customerA, `/api/v1/tickets/${ticket.id}/incidents`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([{ id: incident.id, name: 'SMS delays', status: 'investigating', impact: 'major', public_url: `/status/incidents/${incident.id}`, rfo: null }]);
    // Another account's customer cannot read them.
    expect((await get(customerB, `/api/v1/tickets/${ticket.id}/incidents`)).statusCode).toBe(404);

    const unlinked = await service.request(agent, { method: 'DELETE', url: `/api/v1/incidents/${incident.id}/tickets/${ticket.id}` });
    expect(unlinked.statusCode).toBe(204);
    expect((await get(agent, `/api/v1/incidents/${incident.id}/tickets`)).json().items).toEqual([]);
    await resolve(incident.id);
  });

  it('links a ticket by its number, as agents read it', async () => {
    const ticket = await openTicket(customerA, 'SMS delayed, by number');
    const incident = await openIncident('SMS delays by number', [sms]);
    const linked = await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_number: ticket.number });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().items.map((t: { id: string }) => t.id)).toEqual([ticket.id]);
    const missing = await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_number: 987_654_321 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('body.ticket_number');
    const bad = await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_number: -3 });
    expect(bad.statusCode).toBe(400);
    const both = await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_number: ticket.number, ticket_id: ticket.id });
    expect(both.statusCode).toBe(400);
    await resolve(incident.id);
  });

  it('hides draft incidents from customers, on the ticket and in the banner', async () => {
    const ticket = await openTicket(customerA, 'Is SMS down?');
    const draft = await openIncident('Maybe SMS', [sms], { draft: true });
    await post(agent, `/api/v1/incidents/${draft.id}/tickets`, { ticket_id: ticket.id });
    expect((await get(customerA, `/api/v1/tickets/${ticket.id}/incidents`)).json().items).toEqual([]);
    expect((await get(agent, `/api/v1/tickets/${ticket.id}/incidents`)).json().items.map((i: { id: string }) => i.id)).toEqual([draft.id]);
    expect((await get(customerA, '/api/v1/status/active-incidents?product=messaging')).json().items).toEqual([]);
    // A draft's update is not sent to customers.
    const early = await post(agent, `/api/v1/incidents/${draft.id}/updates`, { status: 'identified', body: 'Found it.', reply_on_linked_tickets: true });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0].path).toBe('body.reply_on_linked_tickets');
    expect(await comments(customerA, ticket.id)).toEqual([]);
    await service.request(agent, { method: 'PATCH', url: `/api/v1/incidents/${draft.id}`, payload: { draft: false } });
    const banner = await get(customerA, '/api/v1/status/active-incidents?product=messaging');
    expect(banner.json().items).toEqual([
      { id: draft.id, name: 'Maybe SMS', impact: 'major', status: 'investigating', started_at: expect.any(String), public_url: `/status/incidents/${draft.id}`, components: [{ key: 'sms-api', name: 'SMS API', status: 'major_outage' }] },
    ]);
    expect((await get(customerA, '/api/v1/status/active-incidents?product=email')).json().items).toEqual([]);
    expect((await get(customerA, '/api/v1/status/active-incidents')).json().items).toHaveLength(1);
    await resolve(draft.id);
    expect((await get(customerA, '/api/v1/status/active-incidents?product=messaging')).json().items).toEqual([]);
  });

  it('sends an update as a public reply on every linked ticket, through the ticket reply path (email, first response met)', async () => {
    const first = await openTicket(customerA, 'Mail not sending');
    const second = await openTicket(customerDe, 'Emails stuck', { language: 'de' });
    const incident = await openIncident('Mail Send delays', [mail]);
    for (const t of [first, second]) await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_id: t.id });
    service.clock.advance(5 * MINUTE);
    const update = await post(agent, `/api/v1/incidents/${incident.id}/updates`, { status: 'identified', body: 'A queue is backed up; draining it now.', reply_on_linked_tickets: true });
    expect(update.statusCode, update.body).toBe(200);
    const onFirst = await comments(customerA, first.id);
    expect(onFirst).toHaveLength(1);
    expect(onFirst[0]!.public).toBe(true);
    expect(onFirst[0]!.body).toContain('Update on the incident “Mail Send delays” (identified):');
    expect(onFirst[0]!.body).toContain('A queue is backed up; draining it now.');
    // A reply is mailed too: its link is absolute (the public URL, else where the server listens).
    expect(onFirst[0]!.body).toMatch(new RegExp(`https?://[^/\\s]+/status/incidents/${incident.id}`));
    const onSecond = await comments(customerDe, second.id);
    expect(onSecond[0]!.body).toContain('„Mail Send delays“');
    const ticket = (await get(customerA, `/api/v1/tickets/${first.id}`)).json();
    expect(ticket.status).toBe('open');
    expect(ticket.targets.find((t: { metric: string }) => t.metric === 'first_response').met_at).toBe(new Date(service.clock.now()).toISOString());
    const mails = await service.db.selectFrom('notification_events').select(['event', 'ticket_id']).where('event', '=', 'public_reply').where('ticket_id', 'in', [first.id, second.id]).execute();
    expect(mails).toHaveLength(2);
    // Without the flag, nothing is replied.
    await post(agent, `/api/v1/incidents/${incident.id}/updates`, { status: 'monitoring', body: 'Draining.' });
    expect(await comments(customerA, first.id)).toHaveLength(1);
    await resolve(incident.id);
  });

  it('writes the RFO only after resolution, renders it safely, and relays it once per ticket to linked tickets and to accounts using the components', async () => {
    const put1 = await put(admin, `/api/v1/accounts/${accountB}/components`, { component_ids: [mail] });
    expect(put1.statusCode, put1.body).toBe(200);
    expect(put1.json().items).toEqual([{ id: mail, key: 'mail-send', name: 'Mail Send', status: 'operational' }]);
    expect((await get(customerB, `/api/v1/accounts/${accountB}/components`)).json().items).toHaveLength(1);
    expect((await get(customerA, `/api/v1/accounts/${accountB}/components`)).statusCode).toBe(404);
    expect((await put(agent, `/api/v1/accounts/${accountB}/components`, { component_ids: [] })).statusCode).toBe(403);
    const badIds = await put(admin, `/api/v1/accounts/${accountB}/components`, { component_ids: [mail, '00000000-0000-0000-0000-000000000000'] });
    expect(badIds.statusCode).toBe(400);
    expect(badIds.json().error.issues[0].path).toBe('body.component_ids.1');

    const linked = await openTicket(customerA, 'Mail outage questions');
    const ofAccountB = await openTicket(customerB, 'Unrelated billing question');
    const solvedOfB = await openTicket(customerB, 'Old question');
    await service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${solvedOfB.id}`, payload: { status: 'solved' } });
    const incident = await openIncident('Mail Send outage', [mail]);
    await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_id: linked.id });

    const early = await put(agent, `/api/v1/incidents/${incident.id}/rfo`, { markdown: 'Too early' });
    expect(early.statusCode).toBe(409);
    // Before publication a customer's request is recorded, once.
    const asked = await post(customerA, `/api/v1/tickets/${linked.id}/rfo-request`);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().items).toEqual([{ incident_id: incident.id, name: 'Mail Send outage', outcome: 'requested' }]);
    expect((await post(customerA, `/api/v1/tickets/${linked.id}/rfo-request`)).json().items[0].outcome).toBe('already_requested');
    const notes = await comments(agent, linked.id);
    expect(notes.filter((c) => !c.public).map((c) => c.body)).toEqual([expect.stringContaining('asked for the reason for outage of “Mail Send outage”')]);
    expect((await comments(customerA, linked.id)).filter((c) => !c.public)).toEqual([]);

    await resolve(incident.id);
    const markdown = '## What happened\n\nA <script>alert(1)</script> bad [link](javascript:alert(2)) and <b>raw</b> HTML.\n\n- fixed';
    const written = await put(agent, `/api/v1/incidents/${incident.id}/rfo`, { markdown });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json().rfo.published_at).toBeNull();
    expect(written.json().rfo.html).toContain('<h2>What happened</h2>');
    expect(written.json().rfo.html).not.toMatch(/<script|<b>|href="javascript/);
    expect((await get(customerA, `/api/v1/tickets/${linked.id}/incidents`)).json().items[0].rfo).toBeNull();

    expect((await post(customerA, `/api/v1/incidents/${incident.id}/rfo/publish`)).statusCode).toBe(403);
    const published = await post(agent, `/api/v1/incidents/${incident.id}/rfo/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().rfo.published_at).toBe(new Date(service.clock.now()).toISOString());
    const rfoReplies = async (auth: string, ticketId: string) => (await comments(auth, ticketId)).filter((c) => c.public && c.body.includes('Reason for outage'));
    expect(await rfoReplies(customerA, linked.id)).toHaveLength(1);
    expect((await rfoReplies(customerA, linked.id))[0]!.body).toContain('## What happened');
    expect(await rfoReplies(customerB, ofAccountB.id)).toHaveLength(1);
    expect(await rfoReplies(customerB, solvedOfB.id)).toHaveLength(0);
    // Publishing again, or asking afterwards, sends nothing twice.
    await post(agent, `/api/v1/incidents/${incident.id}/rfo/publish`);
    expect((await post(customerA, `/api/v1/tickets/${linked.id}/rfo-request`)).json().items[0].outcome).toBe('already_sent');
    expect(await rfoReplies(customerA, linked.id)).toHaveLength(1);
    expect(await rfoReplies(customerB, ofAccountB.id)).toHaveLength(1);
    const seen = (await get(customerA, `/api/v1/tickets/${linked.id}/incidents`)).json().items[0].rfo;
    expect(seen.published_at).not.toBeNull();
    expect(seen.html).toContain('&lt;script&gt;');
    // The account's unrelated ticket now lists the incident whose RFO reached it.
    expect((await get(customerB, `/api/v1/tickets/${ofAccountB.id}/incidents`)).json().items.map((i: { id: string }) => i.id)).toEqual([incident.id]);
  });

  it('answers a request for a published RFO at once on a newly linked ticket', async () => {
    const incident = await openIncident('Short SMS outage', [sms]);
    await resolve(incident.id);
    await put(agent, `/api/v1/incidents/${incident.id}/rfo`, { markdown: 'A certificate expired.' });
    await post(agent, `/api/v1/incidents/${incident.id}/rfo/publish`);
    const later = await openTicket(customerA, 'Why did SMS fail yesterday?');
    const none = await post(customerA, `/api/v1/tickets/${later.id}/rfo-request`);
    expect(none.statusCode).toBe(409);
    await post(agent, `/api/v1/incidents/${incident.id}/tickets`, { ticket_id: later.id });
    // The publisher has left: the provider's admin answers in their stead.
    await service.db.updateTable('users').set({ active: false }).where('email', '=', AGENT).execute();
    const answered = await post(customerA, `/api/v1/tickets/${later.id}/rfo-request`, { incident_id: incident.id });
    await service.db.updateTable('users').set({ active: true }).where('email', '=', AGENT).execute();
    expect(answered.json().items).toEqual([{ incident_id: incident.id, name: 'Short SMS outage', outcome: 'sent' }]);
    const replies = (await comments(customerA, later.id)).filter((c) => c.public);
    expect(replies.map((r) => r.body)).toEqual([expect.stringContaining('A certificate expired.')]);
    const authorRole = await service.db
      .selectFrom('ticket_comments')
      .innerJoin('users', 'users.id', 'ticket_comments.author_id')
      .select('users.role')
      .where('ticket_comments.ticket_id', '=', later.id)
      .where('ticket_comments.public', '=', true)
      .executeTakeFirstOrThrow();
    expect(authorRole.role).toBe('admin');
    const foreign = await post(customerB, `/api/v1/tickets/${later.id}/rfo-request`);
    expect(foreign.statusCode).toBe(404);
  });
});
