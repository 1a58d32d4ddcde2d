import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const BANK = 'evan@dunmore-bank.example'; // twilio personalized: routed to the primary account manager in his hours

interface EventJson {
  type: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

describe.each(DATABASE_KINDS)('what a customer reads of a ticket, on %s', (kind) => {
  let service: TestService;
  let customer: string;
  let agent: string;
  let ticketId: string;
  let routingReason: string;
  let secretFileId: string;
  let publicFileId: string;

  const get = (auth: string, url: string) => service.request(auth, { method: 'GET', url });
  const post = (auth: string, url: string, payload: object) => service.request(auth, { method: 'POST', url, payload });
  const upload = async (auth: string, filename: string, commentId?: string) => {
    const query = `filename=${filename}${commentId ? `&comment_id=${commentId}` : ''}`;
    const response = await service.request(auth, {
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/attachments?${query}`,
      payload: Buffer.from(`contents of ${filename}`),
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const eventsAs = async (auth: string): Promise<EventJson[]> => {
    const response = await get(auth, `/api/v1/tickets/${ticketId}/events`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };

  beforeAll(async () => {
    service = await startTestService(kind);
    customer = await service.signIn(BANK);
    agent = await service.signIn(AGENT);
    service.clock.set(Date.parse('2026-03-02T15:00:00Z')); // Monday 07:00 Los Angeles: the primary manager is at work
    const opened = await post(customer, '/api/v1/tickets', { subject: 'Calls drop after 30 seconds', description: 'Outbound calls drop.' });
    expect(opened.statusCode, opened.body).toBe(201);
    ticketId = opened.json().id;
    const staffView = await eventsAs(agent);
    routingReason = staffView.find((e) => e.type === 'routed')!.reason!;
    expect(routingReason).toMatch(/primary account manager/);

    // Staff work on the ticket: an internal note with a file, a public reply with a file, a reassignment, an acknowledgment.
    const note = await post(agent, `/api/v1/tickets/${ticketId}/comments`, { body: 'Carrier outage suspected; do not tell the customer yet.', public: false });
    expect(note.statusCode, note.body).toBe(201);
    secretFileId = await upload(agent, 'carrier-escalation-internal.txt', note.json().id);
    const reply = await post(agent, `/api/v1/tickets/${ticketId}/comments`, { body: 'We are looking into the dropped calls.' });
    expect(reply.statusCode, reply.body).toBe(201);
    publicFileId = await upload(agent, 'call-log.txt', reply.json().id);
    const me = (await get(agent, '/api/v1/me')).json();
    const reassigned = await service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${ticketId}`, payload: { assignee_id: me.id } });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect((await post(agent, `/api/v1/tickets/${ticketId}/acknowledge`, {})).statusCode).toBe(200);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('shows staff every entry: routing with its reason, the internal note and its file, the reassignment', async () => {
    const events = await eventsAs(agent);
    const types = events.map((e) => e.type);
    for (const type of ['created', 'routed', 'internal_note_added', 'reply_added', 'attachment_added', 'updated', 'acknowledged']) expect(types).toContain(type);
    const files = events.filter((e) => e.type === 'attachment_added').map((e) => (e.after as { filename: string }).filename);
    expect(files).toEqual(['carrier-escalation-internal.txt', 'call-log.txt']);
    expect(events.find((e) => e.type === 'updated')!.after).toHaveProperty('assignee_id');
  });

  it('shows a customer only the entries meant for them, without staff names, hours, internal files or assignments', async () => {
    const events = await eventsAs(customer);
    const types = events.map((e) => e.type);
    expect(types).toEqual(['created', 'reply_added', 'status_changed', 'attachment_added', 'acknowledged']);
    const text = JSON.stringify(events);
    expect(text).not.toContain('carrier-escalation-internal.txt');
    expect(text).not.toContain(secretFileId);
    expect(text).not.toContain(routingReason);
    expect(text).not.toMatch(/assignee_id|team_id|rule/);
    expect(events.find((e) => e.type === 'attachment_added')!.after).toEqual({ attachment_id: publicFileId, filename: 'call-log.txt', size: expect.any(Number) });
  });

  it('keeps internal notes and their files out of every other place a customer reads', async () => {
    const comments = (await get(customer, `/api/v1/tickets/${ticketId}/comments`)).json().items;
    expect(comments.map((c: { body: string }) => c.body)).toEqual(['We are looking into the dropped calls.']);
    const files = (await get(customer, `/api/v1/tickets/${ticketId}/attachments`)).json().items;
    expect(files.map((f: { id: string }) => f.id)).toEqual([publicFileId]);
    expect((await get(customer, `/api/v1/tickets/${ticketId}/attachments/${secretFileId}`)).statusCode).toBe(404);
    expect((await get(customer, `/api/v1/tickets/${ticketId}/attachments/${publicFileId}`)).statusCode).toBe(200);
    for (const url of [`/api/v1/tickets/${ticketId}`, '/api/v1/tickets', `/api/v1/tickets/${ticketId}/escalations`]) {
      const body = (await get(customer, url)).body;
      expect(body, url).not.toContain(routingReason);
      expect(body, url).not.toContain('carrier-escalation-internal.txt');
      expect(body, url).not.toContain('do not tell the customer');
    }
  });

  it('shows a customer the fields they may read of an update or an escalation, and nothing else of them', async () => {
    const renamed = await service.request(customer, { method: 'PATCH', url: `/api/v1/tickets/${ticketId}`, payload: { subject: 'Calls drop after 30 s on every carrier' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const escalation = { escalation_id: '00000000-0000-4000-8000-000000000001', via: 'support', reason: 'critical_blocker', due_at: '2026-03-02T16:00:00.000Z', notified: [{ user_id: '00000000-0000-4000-8000-00000000beef' }] };
    await service.db
      .insertInto('ticket_events')
      .values({ ticket_id: ticketId, actor_id: null, type: 'escalated', before: null, after: JSON.stringify(escalation), reason: 'A critical blocker', at: new Date(service.clock.now()) })
      .execute();
    const events = await eventsAs(customer);
    expect(events.filter((e) => e.type === 'updated')).toEqual([
      expect.objectContaining({ before: { subject: 'Calls drop after 30 seconds' }, after: { subject: 'Calls drop after 30 s on every carrier' } }),
    ]);
    const shown = { escalation_id: escalation.escalation_id, via: escalation.via, reason: escalation.reason, due_at: escalation.due_at };
    expect(events.find((e) => e.type === 'escalated')).toMatchObject({ after: shown, reason: 'A critical blocker' });
    expect(JSON.stringify(events)).not.toContain('beef');
    expect((await eventsAs(agent)).find((e) => e.type === 'escalated')!.after).toEqual(escalation);
  });

  it('hides an event of a kind it does not know from customers, and shows it to staff', async () => {
    await service.db
      .insertInto('ticket_events')
      .values({ ticket_id: ticketId, actor_id: null, type: 'capacity_forecast', before: null, after: JSON.stringify({ note: 'Jordan is overloaded' }), reason: 'staff planning', at: new Date(service.clock.now()) })
      .execute();
    expect((await eventsAs(agent)).map((e) => e.type)).toContain('capacity_forecast');
    const customerView = await eventsAs(customer);
    expect(customerView.map((e) => e.type)).not.toContain('capacity_forecast');
    expect(JSON.stringify(customerView)).not.toContain('overloaded');
  });
});
