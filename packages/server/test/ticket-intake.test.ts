import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const HOUR = 3_600_000;
const DIALOG_CUSTOMER = 'frieda@elmtree-retail.example'; // 360dialog standard
/** Tuesday 3 March 2026, 10:00 in Berlin: inside 360dialog standard's hours. */
const OPENED = Date.parse('2026-03-03T10:00:00+01:00');
const iso = (t: number) => new Date(t).toISOString();

describe.each(DATABASE_KINDS)('completing the intake of an existing ticket on %s', (kind) => {
  let service: TestService;
  let customer: string;
  let agent: string;
  let stranger: string;

  beforeAll(async () => {
    service = await startTestService(kind);
    [customer, agent, stranger] = await Promise.all([service.signIn(DIALOG_CUSTOMER), service.signIn(AGENT), service.signIn(CUSTOMER_A)]);
  });
  afterAll(async () => {
    await service?.close();
  });

  const open = async (payload: Record<string, unknown>) => {
    const created = await service.request(customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Messages not delivered', description: 'Nothing reaches Germany.', priority: 'standard', ...payload } });
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  };

  it('lists what is missing by label, refuses bad values with their paths, and starts the clock when the customer completes it', async () => {
    service.clock.set(OPENED);
    const ticket = await open({ product: 'messaging', intake: { phone_number: '+49 30 5555 0100' } });
    expect(ticket.targets[0]).toMatchObject({ state: 'none', none_reason: 'intake_incomplete' });

    const status = await service.request(customer, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/intake` });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({ complete: false, clock_start: 'on_intake_complete', form: { id: 'messaging', name: 'Sending or receiving messages' } });
    expect(status.json().missing.map((m: { label: string }) => m.label)).toEqual(['What happens and since when', 'Example message IDs', 'When the example messages were sent']);

    service.clock.advance(2 * HOUR);
    const bad = await service.request(customer, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}/intake`,
      headers: { 'accept-language': 'en' }, // the customer reads the desk in German; these are the English texts
      payload: { values: { description: 'Since 08:00 nothing arrives.', message_ids: 'wamid.1', occurred_at: '2026-02-20T09:30:00+01:00', fax: 'x' } },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    const paths = bad.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.values.occurred_at', 'body.values.fax']));
    expect(bad.json().error.issues.find((i: { path: string }) => i.path === 'body.values.occurred_at').message).toMatch(/old/);
    const malformed = await service.request(customer, { method: 'PATCH', url: `/api/v1/tickets/${ticket.id}/intake`, payload: { values: { message_ids: 42 } } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].path).toMatch(/^body\.values/);
    // Nothing changed: still waiting.
    expect((await service.request(customer, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).json()).toMatchObject({ intake_complete: false, intake_completed_at: null });

    service.clock.advance(HOUR);
    const completedAt = OPENED + 3 * HOUR;
    const done = await service.request(customer, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}/intake`,
      payload: { values: { description: 'Since 08:00 nothing arrives.', message_ids: 'wamid.1, wamid.2', occurred_at: '2026-03-03T09:30:00+01:00' } },
    });
    expect(done.statusCode, done.body).toBe(200);
    const answer = done.json();
    expect(answer.ticket).toMatchObject({ intake_complete: true, intake_completed_at: iso(completedAt), intake: { phone_number: '+49 30 5555 0100', message_ids: 'wamid.1, wamid.2' } });
    // Standard: 24 h of Berlin business time (02:00–22:00) from Tue 13:00 → Wed 17:00.
    expect(answer.ticket.targets[0]).toMatchObject({ state: 'active', started_at: iso(completedAt), due_at: '2026-03-04T16:00:00.000Z' });
    expect(answer.intake).toMatchObject({ complete: true, completed_at: iso(completedAt), missing: [] });

    const events = (await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/events` })).json().items;
    expect(events.find((e: { type: string; after: { intake_complete?: boolean } | null }) => e.type === 'updated' && e.after?.intake_complete === true)).toMatchObject({
      at: iso(completedAt),
      before: { intake_complete: false },
    });
  });

  it('names the topics of a general question in words, and lets an agent choose one and complete it', async () => {
    service.clock.set(OPENED + 24 * HOUR);
    const ticket = await open({});
    expect(ticket.warnings[0].message).toContain('Number porting (migration)');
    expect(ticket.warnings[0].message).not.toContain('number_porting');
    const status = (await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/intake` })).json();
    expect(status).toMatchObject({ complete: false, form: null, missing: [{ field: 'product', label: 'What the ticket is about' }] });
    expect(status.missing[0].message).toContain('Sending or receiving messages');
    expect(status.forms.map((f: { id: string }) => f.id)).toContain('number_porting');

    const unknown = await service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${ticket.id}/intake`, payload: { product: 'fax' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.issues[0].path).toBe('body.product');

    service.clock.advance(HOUR / 2);
    const done = await service.request(agent, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}/intake`,
      payload: { product: 'number_porting', values: { phone_number: '+49 30 5555 0142', description: 'Stuck at verification.', previous_provider: 'Example Telecom' } },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().ticket.targets[0]).toMatchObject({ state: 'active', started_at: iso(OPENED + 24.5 * HOUR) });
  });

  it("is not reachable by another account's customer", async () => {
    service.clock.set(OPENED + 48 * HOUR);
    const ticket = await open({ product: 'messaging', intake: { phone_number: '+49 30 5555 0100' } });
    expect((await service.request(stranger, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/intake` })).statusCode).toBe(404);
    const write = await service.request(stranger, { method: 'PATCH', url: `/api/v1/tickets/${ticket.id}/intake`, payload: { values: { description: 'x' } } });
    expect(write.statusCode).toBe(404);
    expect((await service.request(null, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/intake` })).statusCode).toBe(401);
  });
});
