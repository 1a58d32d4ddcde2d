import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const BANK = 'evan@dunmore-bank.example'; // twilio personalized: escalation included, 1h response on 24x7
const TRAVEL = 'gabriel@fjordline-travel.example'; // 360dialog premium, Gold partner, growth manager Rafaela
const RETAIL = 'frieda@elmtree-retail.example'; // 360dialog standard, Silver partner, no growth manager assigned

describe.each(DATABASE_KINDS)('escalation over the HTTP API on %s', (kind) => {
  let service: TestService;
  let admin: string;
  let bank: string;
  let bootstrap: string;
  const ids = new Map<string, string>();

  const open = async (auth: string, payload: Record<string, unknown> = {}) => {
    const response = await service.request(auth, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Webhooks fail', description: 'Status callbacks fail since 08:00.', ...payload } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  /** Twilio P1 and P2 are for production projects only. */
  const productionOf = async (auth: string): Promise<string> =>
    (await service.request(auth, { method: 'GET', url: '/api/v1/accounts' })).json().items[0].projects.find((p: { production: boolean }) => p.production).id;
  const escalate = (auth: string, ticketId: string, payload: Record<string, unknown>) =>
    service.request(auth, { method: 'POST', url: `/api/v1/tickets/${ticketId}/escalations`, payload });
  const view = async (ticketId: string) => (await service.request(admin, { method: 'GET', url: `/api/v1/tickets/${ticketId}` })).json();

  beforeAll(async () => {
    service = await startTestService(kind);
    admin = await service.signIn(ADMIN);
    bank = await service.signIn(BANK);
    bootstrap = await service.signIn(CUSTOMER_A);
    const users = (await service.request(admin, { method: 'GET', url: '/api/v1/users?limit=100' })).json().items;
    for (const u of users) ids.set(u.name.split(' ')[0], u.id);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('records the escalation with its 1h response target, alerts the assignee\'s manager and support management, and heads the queue', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z')); // Monday 07:00 Los Angeles
    const other = await open(bootstrap, { priority: 'P2', project_id: await productionOf(bootstrap) }); // due 11:00 Los Angeles = 19:00Z
    const ticket = await open(bank); // P3: due 10:00 Los Angeles = 18:00Z, assigned to Jordan (manager: Sam)
    expect(ticket.assignee_id).toBe(ids.get('Jordan'));
    service.clock.set(Date.parse('2026-03-02T15:30:00Z'));
    const raised = await escalate(bank, ticket.id, { reason: 'critical_blocker', note: 'Payments are down; our CTO is on the line.' });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json()).toMatchObject({
      ticket_id: ticket.id,
      via: 'support',
      reason: 'critical_blocker',
      reason_label: 'A critical blocker is hurting my business and I can work with support on it now.',
      state: 'active',
      calendar_id: '24x7',
      duration: '1h',
      due_at: '2026-03-02T16:30:00.000Z',
      time_left_ms: 3_600_000,
      notified: [{ user_id: ids.get('Sam') }, { role: 'manager' }],
    });

    const shown = await view(ticket.id);
    expect(shown.escalations).toEqual([expect.objectContaining({ state: 'active', due_at: '2026-03-02T16:30:00.000Z' })]);
    const events = (await service.request(bank, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/events` })).json().items;
    expect(events.at(-1)).toMatchObject({ type: 'escalated', after: { reason: 'critical_blocker', due_at: '2026-03-02T16:30:00.000Z' } });
    const notes = await service.db.selectFrom('notification_events').selectAll().where('ticket_id', '=', ticket.id).where('event', '=', 'escalated').execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ event: 'escalated', recipients: [{ user_id: ids.get('Sam') }, { role: 'manager' }], payload: expect.objectContaining({ reason: 'critical_blocker', due_at: '2026-03-02T16:30:00.000Z' }) });

    const queue = (await service.request(admin, { method: 'GET', url: '/api/v1/queue?limit=100' })).json().items.map((t: { id: string }) => t.id);
    expect(queue.indexOf(ticket.id)).toBeLessThan(queue.indexOf(other.id));

    const again = await escalate(bank, ticket.id, { reason: 'no_meaningful_response' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0].path).toBe('params.id');

    // Two hours later with no answer the escalation is overdue; the assignee's public reply answers it.
    service.clock.set(Date.parse('2026-03-02T17:30:00Z'));
    expect((await view(ticket.id)).escalations[0]).toMatchObject({ state: 'breached', overdue_ms: 3_600_000 });
    const jordan = await service.signIn('jordan.blake@hourglass.example');
    const reply = await service.request(jordan, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/comments`, payload: { body: 'On it: a fix is rolling out.', public: true } });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await view(ticket.id)).escalations[0]).toMatchObject({ state: 'breached', responded_at: '2026-03-02T17:30:00.000Z' });
    const stored = await service.db.selectFrom('escalations').select('responded_at').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(stored.responded_at?.toISOString()).toBe('2026-03-02T17:30:00.000Z');
    const reopened = await escalate(bank, ticket.id, { reason: 'no_meaningful_response' });
    expect(reopened.statusCode, reopened.body).toBe(201);
  });

  it('meets the target when answered in time, and alerts only support management when nobody is assigned', async () => {
    service.clock.set(Date.parse('2026-03-07T18:00:00Z')); // Saturday: the ticket waits in the follow-the-sun queue
    const ticket = await open(bank, { priority: 'P2', project_id: await productionOf(bank) });
    expect(ticket.assignee_id).toBeNull();
    const raised = await escalate(bank, ticket.id, { reason: 'no_meaningful_response' });
    expect(raised.json()).toMatchObject({ due_at: '2026-03-07T19:00:00.000Z', notified: [{ role: 'manager' }] });
    service.clock.set(Date.parse('2026-03-07T18:20:00Z'));
    const tom = await service.signIn('tom.ashdown@hourglass.example');
    await service.request(tom, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/comments`, payload: { body: 'Looking now.', public: true } });
    expect((await service.request(bank, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/escalations` })).json().items).toEqual([
      expect.objectContaining({ state: 'met', responded_at: '2026-03-07T18:20:00.000Z', time_left_ms: null }),
    ]);
  });

  it('refuses plans without escalation, unknown reasons and solved tickets with a 4xx naming the field', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z'));
    const plain = await open(bootstrap);
    const noPlan = await escalate(bootstrap, plain.id, { reason: 'critical_blocker' });
    expect(noPlan.statusCode).toBe(403);
    expect(noPlan.json().error).toMatchObject({ code: 'forbidden', message: 'The bootstrap plan does not include escalation. Escalation is part of the personalized plan.', issues: [{ path: 'body' }] });

    const ticket = await open(bank);
    const unknown = await escalate(bank, ticket.id, { reason: 'angry' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ path: 'body.reason', message: expect.stringContaining('"critical_blocker"') });
    const missing = await escalate(bank, ticket.id, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('body.reason');

    const agent = await service.signIn('lena.vogt@hourglass.example');
    const solved = await service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'solved' } });
    expect(solved.statusCode, solved.body).toBe(200);
    const late = await escalate(bank, ticket.id, { reason: 'critical_blocker' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('only unsolved tickets can be escalated');
    expect(await service.db.selectFrom('escalations').select('id').where('ticket_id', 'in', [plain.id, ticket.id]).execute()).toEqual([]);
  });

  it('escalates a partner\'s existing ticket through the growth manager, and refuses accounts without a tier or a growth manager', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z'));
    const travel = await service.signIn(TRAVEL);
    const ticket = await open(travel, { language: 'pt-BR' });
    const viaSupport = await escalate(travel, ticket.id, { reason: 'critical_blocker' });
    expect(viaSupport.statusCode).toBe(403);
    // Gabriel reads the desk in Portuguese; the hint names the field to send in any language.
    expect(viaSupport.json().error.message).toContain('"via": "growth_manager"');
    const raised = await escalate(travel, ticket.id, { reason: 'Our launch is tomorrow and templates are still rejected.', via: 'growth_manager' });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json()).toMatchObject({ via: 'growth_manager', state: 'none', due_at: null, notified: [{ user_id: ids.get('Rafaela') }, { role: 'manager' }] });

    const plain = await open(bootstrap);
    const noTier = await escalate(bootstrap, plain.id, { reason: 'Please help', via: 'growth_manager' });
    expect(noTier.statusCode).toBe(403);
    expect(noTier.json().error.issues).toEqual([{ path: 'body.via', message: expect.stringContaining('Only partner accounts (Silver, Gold or Platinum) have a growth manager') }]);

    const retail = await service.signIn(RETAIL);
    const silver = await open(retail);
    const unassigned = await escalate(retail, silver.id, { reason: 'Verification is stuck', via: 'growth_manager' });
    expect(unassigned.statusCode).toBe(409);
    expect(unassigned.json().error.issues[0].path).toBe('body.via');

    const missingTicket = await escalate(travel, '00000000-0000-4000-8000-000000000000', { reason: 'Please help', via: 'growth_manager' });
    expect(missingTicket.statusCode).toBe(404);
  });
});
