import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER_A, CUSTOMER_B, START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const HOUR = 3_600_000;

describe.each(DATABASE_KINDS)('tickets over the HTTP API on %s', (kind) => {
  let service: TestService;
  let customer: string;
  let other: string;
  let agent: string;
  let production: string;
  let staging: string;

  const post = (auth: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    service.request(auth, { method: 'POST', url, payload: payload as object, headers });
  const get = (auth: string, url: string) => service.request(auth, { method: 'GET', url });
  const patch = (auth: string, url: string, payload: unknown) => service.request(auth, { method: 'PATCH', url, payload: payload as object });
  const open = async (payload: Record<string, unknown> = {}) => {
    const response = await post(customer, '/api/v1/tickets', { subject: 'Webhooks time out', description: 'Inbound webhooks time out since 08:00.', project_id: production, ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    service = await startTestService(kind);
    customer = await service.signIn(CUSTOMER_A);
    other = await service.signIn(CUSTOMER_B);
    agent = await service.signIn(AGENT);
    const accountId = (await get(customer, '/api/v1/me')).json().account_id;
    const projects = (await get(customer, `/api/v1/accounts/${accountId}/projects`)).json().items;
    production = projects.find((p: { production: boolean }) => p.production).id;
    staging = projects.find((p: { production: boolean }) => !p.production).id;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('opens a ticket with the default priority and a first-response target in business hours', async () => {
    service.clock.set(START); // Monday 2 March 2026, 09:00 in Los Angeles
    const ticket = await open();
    expect(ticket).toMatchObject({ status: 'new', priority: 'P3', pack_id: 'twilio', pack_version: '2025-04', plan: 'bootstrap', channel: 'web', language: 'en' });
    expect(ticket.targets).toEqual([
      expect.objectContaining({
        metric: 'first_response',
        state: 'active',
        duration: '8h',
        due_at: '2026-03-03T01:00:00.000Z', // 17:00 the same day in Los Angeles
        time_left_ms: 8 * HOUR,
        explain_url: `/api/v1/tickets/${ticket.id}/targets/first_response/explain`,
      }),
    ]);
    const stored = await service.db.selectFrom('sla_targets').selectAll().where('ticket_id', '=', ticket.id).execute();
    expect(stored.map((t) => [t.metric, t.state, t.due_at?.toISOString()])).toEqual([['first_response', 'active', '2026-03-03T01:00:00.000Z']]);
    const events = (await get(customer, `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events[0]).toMatchObject({ type: 'created', after: { priority: 'P3', status: 'new' } });
  });

  it('carries a due time across the night and explains it with segments', async () => {
    service.clock.set(Date.parse('2026-03-02T17:00:00-08:00')); // Monday 17:00, one hour before closing
    const ticket = await open({ priority: 'P2' });
    expect(ticket.targets[0].due_at).toBe('2026-03-03T17:00:00.000Z'); // Tuesday 09:00 Los Angeles
    const explain = await get(customer, ticket.targets[0].explain_url);
    expect(explain.statusCode).toBe(200);
    expect(explain.json()).toMatchObject({
      metric: 'first_response',
      calendar: 'twilio-business-hours',
      zone: 'America/Los_Angeles',
      duration: '4h',
      due: '2026-03-03T17:00:00.000Z',
      open: [
        { local_start: '2026-03-02T17:00:00-08:00', local_end: '2026-03-02T18:00:00-08:00' },
        { local_start: '2026-03-03T06:00:00-08:00', local_end: '2026-03-03T09:00:00-08:00' },
      ],
      closed: [{ reason: 'night', local_start: '2026-03-02T18:00:00-08:00', local_end: '2026-03-03T06:00:00-08:00' }],
    });
  });

  it('refuses P1 on a non-production project with the field path, and accepts it on production', async () => {
    service.clock.set(START);
    const refused = await post(customer, '/api/v1/tickets', { subject: 'Down', description: 'Staging is down', project_id: staging, priority: 'P1' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'priority_restricted', issues: [{ path: 'body.priority' }] });
    expect(refused.json().error.message).toContain('production');
    const accepted = await open({ priority: 'P1' });
    expect(accepted.targets[0]).toMatchObject({ calendar_id: 'twilio-business-hours', duration: '2h' });
    const unknown = await post(customer, '/api/v1/tickets', { subject: 'x', description: 'y', priority: 'urgent' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.message).toContain('P1');
  });

  it('creates nothing twice for a retried Idempotency-Key, and refuses the key with another body', async () => {
    const body = { subject: 'Retry me', description: 'Sent twice by a flaky client.', project_id: production };
    const headers = { 'idempotency-key': `ticket-${kind}-1` };
    const first = await post(customer, '/api/v1/tickets', body, headers);
    const second = await post(customer, '/api/v1/tickets', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const count = await service.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('subject', '=', 'Retry me').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const reused = await post(customer, '/api/v1/tickets', { ...body, subject: 'Another' }, headers);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it('meets first response with the first public agent reply, not with an internal note', async () => {
    service.clock.set(START);
    const ticket = await open({ priority: 'P2' });
    service.clock.set(START + HOUR);
    expect((await post(agent, `/api/v1/tickets/${ticket.id}/comments`, { body: 'Looking into it (internal).', public: false })).statusCode).toBe(201);
    expect((await get(agent, `/api/v1/tickets/${ticket.id}`)).json().targets[0].state).toBe('active');
    service.clock.set(START + 2 * HOUR);
    expect((await post(agent, `/api/v1/tickets/${ticket.id}/comments`, { body: 'We found the cause.' })).statusCode).toBe(201);
    const after = (await get(customer, `/api/v1/tickets/${ticket.id}`)).json();
    expect(after.status).toBe('open');
    expect(after.targets[0]).toMatchObject({ state: 'met', met_at: new Date(START + 2 * HOUR).toISOString() });
    const comments = (await get(customer, `/api/v1/tickets/${ticket.id}/comments`)).json().items;
    expect(comments.map((c: { body: string }) => c.body)).toEqual(['We found the cause.']);
    expect((await get(agent, `/api/v1/tickets/${ticket.id}/comments`)).json().items).toHaveLength(2);
  });

  it('pauses the clock while pending, resumes on the customer reply, and breaches when time runs out', async () => {
    service.clock.set(START);
    const ticket = await open({ priority: 'P2' }); // due 13:00 Los Angeles
    service.clock.set(START + HOUR);
    const pending = await patch(agent, `/api/v1/tickets/${ticket.id}`, { status: 'pending' });
    expect(pending.statusCode).toBe(200);
    expect(pending.json().targets[0]).toMatchObject({ state: 'paused', due_at: null });
    service.clock.set(START + 3 * HOUR);
    const reply = await post(customer, `/api/v1/tickets/${ticket.id}/comments`, { body: 'Here are the details.' });
    expect(reply.statusCode).toBe(201);
    const resumed = (await get(customer, `/api/v1/tickets/${ticket.id}`)).json();
    expect(resumed.status).toBe('open');
    expect(resumed.targets[0]).toMatchObject({ state: 'active', due_at: new Date(START + 6 * HOUR).toISOString(), paused_ms: 2 * HOUR });
    service.clock.set(START + 7 * HOUR);
    const late = (await get(customer, `/api/v1/tickets/${ticket.id}`)).json();
    expect(late.targets[0]).toMatchObject({ state: 'breached', overdue_ms: HOUR, overdue_by: '1h' });
    const breached = (await get(agent, `/api/v1/tickets?breach=breached&limit=200`)).json().items.map((t: { id: string }) => t.id);
    expect(breached).toContain(ticket.id);
  });

  it('allows only legal status changes, with a message and the field path', async () => {
    service.clock.set(START);
    const ticket = await open();
    const closed = await patch(agent, `/api/v1/tickets/${ticket.id}`, { status: 'closed' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'illegal_transition', issues: [{ path: 'body.status' }] });
    const customerPending = await patch(customer, `/api/v1/tickets/${ticket.id}`, { status: 'pending' });
    expect(customerPending.statusCode).toBe(403);
    expect((await patch(agent, `/api/v1/tickets/${ticket.id}`, { status: 'solved' })).statusCode).toBe(200);
    expect((await patch(agent, `/api/v1/tickets/${ticket.id}`, { status: 'closed' })).json()).toMatchObject({ status: 'closed' });
    const reopened = await patch(customer, `/api/v1/tickets/${ticket.id}`, { status: 'open' });
    expect(reopened.statusCode).toBe(409);
    expect(reopened.json().error.code).toBe('ticket_closed');
    const reply = await post(customer, `/api/v1/tickets/${ticket.id}/comments`, { body: 'One more thing' });
    expect(reply.statusCode).toBe(409);
    const history = (await get(agent, `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(history.filter((e: { type: string }) => e.type === 'status_changed').map((e: { before: unknown; after: unknown }) => [e.before, e.after])).toEqual([
      [{ status: 'new' }, { status: 'solved' }],
      [{ status: 'solved' }, { status: 'closed' }],
    ]);
  });

  it('reclassifies only with a reason and recomputes the target from the original start', async () => {
    service.clock.set(START);
    const ticket = await open({ priority: 'P3' });
    service.clock.set(START + HOUR);
    const noReason = await post(agent, `/api/v1/tickets/${ticket.id}/reclassify`, { priority: 'P2' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error).toMatchObject({ code: 'reclassify_reason_required', issues: [{ path: 'body.reason' }] });
    const byCustomer = await post(customer, `/api/v1/tickets/${ticket.id}/reclassify`, { priority: 'P2', reason: 'urgent for us' });
    expect(byCustomer.statusCode).toBe(403);
    const done = await post(agent, `/api/v1/tickets/${ticket.id}/reclassify`, { priority: 'P2', reason: 'All customers of the app are affected.' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ priority: 'P2' });
    expect(done.json().targets[0]).toMatchObject({ started_at: new Date(START).toISOString(), due_at: new Date(START + 4 * HOUR).toISOString() });
    const events = (await get(customer, `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ type: 'reclassified', before: { priority: 'P3' }, after: { priority: 'P2', direction: 'up' }, reason: 'All customers of the app are affected.' });
  });

  it('gives chat tickets no SLA and twilio free accounts no target', async () => {
    const chat = await open({ channel: 'chat' });
    expect(chat.targets[0]).toMatchObject({ state: 'none', none_reason: 'channel_without_sla', due_at: null, explain_url: null });
    const explain = await get(customer, `/api/v1/tickets/${chat.id}/targets/first_response/explain`);
    expect(explain.statusCode).toBe(404);
  });

  it('hides other tenants\' tickets behind 404 on every route', async () => {
    const ticket = await open();
    const urls = ['', '/comments', '/events', '/attachments', '/targets/first_response/explain'];
    for (const suffix of urls) {
      const response = await get(other, `/api/v1/tickets/${ticket.id}${suffix}`);
      expect(response.statusCode, suffix).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect((await patch(other, `/api/v1/tickets/${ticket.id}`, { subject: 'mine now' })).statusCode).toBe(404);
    expect((await post(other, `/api/v1/tickets/${ticket.id}/comments`, { body: 'hello' })).statusCode).toBe(404);
    const list = (await get(other, '/api/v1/tickets?limit=200')).json().items;
    expect(list.map((t: { id: string }) => t.id)).not.toContain(ticket.id);
    const foreignProject = await post(other, '/api/v1/tickets', { subject: 'x', description: 'y', project_id: production });
    expect(foreignProject.statusCode).toBe(400);
    expect(foreignProject.json().error.issues[0].path).toBe('body.project_id');
  });

  it('stores attachments in the database up to the size limit', async () => {
    const ticket = await open();
    const upload = await service.request(customer, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments?filename=trace.txt`,
      payload: Buffer.from('GET /webhook 504\n'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({ filename: 'trace.txt', content_type: 'text/plain', size: 17 });
    const download = await get(agent, upload.json().download_url);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('GET /webhook 504\n');
    const tooBig = await service.request(customer, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments?filename=big.bin`,
      payload: Buffer.alloc(10 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('attachment_too_large');
  });

  it('orders the queue by time to breach and finds tickets by full text', async () => {
    service.clock.set(START + 8 * HOUR); // after every earlier test's events, so stored and live due times agree
    const slow = await open({ priority: 'P3', subject: 'Zebra crossing lights flicker' });
    const fast = await open({ priority: 'P1' });
    const queue = (await get(agent, '/api/v1/queue?limit=200')).json().items.map((t: { id: string }) => t.id);
    expect(queue.indexOf(fast.id)).toBeLessThan(queue.indexOf(slow.id));
    const dues = (await get(agent, '/api/v1/queue?limit=200')).json().items
      .map((t: { targets: { due_at: string | null; state: string }[] }) => t.targets.find((x) => x.state === 'active' || x.state === 'breached')?.due_at)
      .filter((d: string | null | undefined) => d);
    expect(dues.length).toBeGreaterThanOrEqual(2);
    expect([...dues].sort()).toEqual(dues);
    const found = (await get(customer, '/api/v1/tickets?q=zebra')).json().items;
    expect(found.map((t: { id: string }) => t.id)).toEqual([slow.id]);
    await post(agent, `/api/v1/tickets/${slow.id}/comments`, { body: 'quokka internal marker', public: false });
    expect((await get(agent, '/api/v1/tickets?q=quokka')).json().items).toHaveLength(1);
    expect((await get(customer, '/api/v1/tickets?q=quokka')).json().items).toHaveLength(0);
  });
});
