import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/notify/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { ADMIN, AGENT, MANAGER, RILEY, startWorkflowService, utc, type WorkflowService } from './support/workflow.js';

// A twilio bootstrap P2 ticket opened Fri 20 Nov 2026 16:30 PT: 4 business hours on Mon–Fri 06:00–18:00
// America/Los_Angeles, so due Mon 23 Nov 08:30, with the warning at 75% (3h) on Mon 07:30.

interface Received {
  body: string;
  signature: string | undefined;
  delivery: string | undefined;
  attempt: string | undefined;
  verified: boolean;
}

describe.each(DATABASE_KINDS)('breach warnings, breaches and webhooks on %s', (kind) => {
  let service: WorkflowService;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let secret = '';
  let failNext = 1;
  let ticketId = '';
  let webhookId = '';

  beforeAll(async () => {
    // The receiver listens on loopback: the allow-list is how an operator lets webhooks reach it.
    service = await startWorkflowService(kind, '2026-11-20T16:00:00-08:00', { webhookAllow: ['127.0.0.1'] });
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const signature = request.headers['hourglass-signature'] as string | undefined;
        const check = verifyWebhook({ secret, header: signature, body, nowMs: service.clock.now() });
        received.push({ body, signature, delivery: request.headers['hourglass-delivery'] as string, attempt: request.headers['hourglass-attempt'] as string, verified: check.ok });
        if (!check.ok) {
          response.writeHead(401).end(check.message);
        } else if (failNext > 0) {
          failNext -= 1;
          response.writeHead(503).end('busy, try later');
        } else {
          response.writeHead(204).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    await service?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  const at = (iso: string) => service.clock.set(Date.parse(iso));
  const events = (type: string) => service.db.selectFrom('ticket_events').select(['type', 'at', 'after']).where('ticket_id', '=', ticketId).where('type', '=', type).execute();
  const mails = (event: string) => service.db.selectFrom('mail_log').selectAll().where('ticket_id', '=', ticketId).where('event', '=', event).orderBy('id').execute();
  const deliveries = async () => (await service.request(ADMIN, { method: 'GET', url: `/api/v1/webhooks/${webhookId}/deliveries` })).json().items;

  it('an admin adds a webhook endpoint for the SLA events; the secret is shown once', async () => {
    const created = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url: receiverUrl, events: ['breach_warning', 'breached'] } });
    expect(created.statusCode, created.body).toBe(201);
    secret = created.json().secret;
    webhookId = created.json().id;
    expect(secret).toMatch(/^whsec_/);
    const listed = await service.request(ADMIN, { method: 'GET', url: '/api/v1/webhooks' });
    expect(listed.json().items.map((w: { id: string }) => w.id)).toEqual([webhookId]);
    expect(listed.body).not.toContain(secret);
    const asAgent = await service.request(AGENT, { method: 'GET', url: '/api/v1/webhooks' });
    expect(asAgent.statusCode).toBe(403);
    const bad = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url: 'ftp://example.com', events: ['nope'] } });
    expect(bad.statusCode).toBe(400);
  });

  it('schedules the warning and the breach when the ticket is opened and assigned', async () => {
    at('2026-11-20T16:30:00-08:00');
    const created = await service.request(RILEY, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'SMS delayed', description: 'Since noon.', priority: 'P2', project_id: await productionProject() } });
    expect(created.statusCode, created.body).toBe(201);
    ticketId = created.json().id;
    const agentId = (await service.db.selectFrom('users').select('id').where('email', '=', AGENT).executeTakeFirstOrThrow()).id;
    const assigned = await service.request(AGENT, { method: 'PATCH', url: `/api/v1/tickets/${ticketId}`, payload: { assignee_id: agentId } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const target = assigned.json().targets.find((t: { metric: string }) => t.metric === 'first_response');
    expect(target.due_at).toBe(utc('2026-11-23T08:30:00-08:00'));
    expect(target.warning_at).toBe(utc('2026-11-23T07:30:00-08:00'));
    // The requester got the confirmation.
    await service.travel({ advance: '1m' });
    const confirmation = await mails('ticket_created');
    expect(confirmation.map((m) => m.recipients)).toEqual([[RILEY]]);
    // Riley is in Denver: the promise is shown in Denver time, named, and the link opens the portal's ticket page.
    expect(confirmation[0]!.text_body).toContain('first_response due Monday 23 November 2026, 09:30 MST (America/Denver)');
    expect(confirmation[0]!.text_body).toContain(`https://desk.example.test/portal/tickets/${ticketId}`);
  });

  it('warns at Monday 07:30 PT, not before: the assignee and the webhook hear of it (managers only hear of breaches unless they choose to)', async () => {
    await service.travel({ to: '2026-11-23T07:29:00-08:00' });
    expect(await events('breach_warning')).toEqual([]);
    const moved = await service.travel({ to: '2026-11-23T07:30:00-08:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    const warned = await events('breach_warning');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.at.toISOString()).toBe(utc('2026-11-23T07:30:00-08:00'));
    expect(warned[0]!.after).toMatchObject({ metric: 'first_response', remaining_ms: 3_600_000 });
    const warningMail = await mails('breach_warning');
    expect(warningMail.flatMap((m) => m.recipients)).toEqual([AGENT]);
    const notified = await service.db.selectFrom('notification_events').select(['recipients', 'delivered_at']).where('ticket_id', '=', ticketId).where('event', '=', 'breach_warning').execute();
    expect(notified).toHaveLength(1);
    expect(notified[0]!.delivered_at).not.toBeNull();
    expect(notified[0]!.recipients).toEqual(expect.arrayContaining([{ role: 'manager' }]));
    expect(warningMail[0]!.text_body).toContain('1h');
    // Lena works in Berlin: 08:30 Pacific is 17:30 there, named; the explanation names the zone of the business hours.
    expect(warningMail[0]!.text_body).toContain('is due Monday 23 November 2026, 17:30 CET (Europe/Berlin)');
    expect(warningMail[0]!.text_body).toContain('business hours in America/Los_Angeles');
    expect(warningMail[0]!.text_body).toContain(`https://desk.example.test/console/tickets/${ticketId}`);
    // The first delivery failed (503) and is retried with backoff.
    expect(received).toHaveLength(1);
    expect(received[0]!.verified).toBe(true);
    const log = await deliveries();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ event_type: 'breach_warning', attempt: 1, status_code: 503, outcome: 'retry_scheduled' });
  });

  it('retries the webhook after the backoff, signed again, and logs the delivery', async () => {
    await service.travel({ advance: '1m' });
    expect(received).toHaveLength(2);
    expect(received[1]!.verified).toBe(true);
    expect(received[1]!.attempt).toBe('2');
    expect(received[1]!.delivery).toBe(received[0]!.delivery);
    expect(received[1]!.body).toBe(received[0]!.body);
    const body = JSON.parse(received[1]!.body);
    expect(body).toMatchObject({ type: 'breach_warning', data: { metric: 'first_response', ticket: { id: ticketId } } });
    // Webhooks serve the provider's tools: the console page, and the portal page for passing on to the customer.
    expect(body.data.ticket.url).toBe(`https://desk.example.test/console/tickets/${ticketId}`);
    expect(body.data.ticket.portal_url).toBe(`https://desk.example.test/portal/tickets/${ticketId}`);
    const log = await deliveries();
    expect(log.map((d: { attempt: number; outcome: string }) => [d.attempt, d.outcome])).toEqual([
      [2, 'delivered'],
      [1, 'retry_scheduled'],
    ]);
  });

  it('breaches just after Monday 08:30 PT: the target is breached, the alerts go out once', async () => {
    // A reply exactly at the due time still meets the target, so the breach comes one millisecond later.
    await service.travel({ to: '2026-11-23T08:30:00-08:00' });
    expect(await events('breached')).toEqual([]);
    await service.travel({ advance: '1m' });
    const breached = await events('breached');
    expect(breached.map((e) => e.at.getTime())).toEqual([Date.parse('2026-11-23T08:30:00-08:00') + 1]);
    const ticket = (await service.request(AGENT, { method: 'GET', url: `/api/v1/tickets/${ticketId}` })).json();
    expect(ticket.targets.find((t: { metric: string }) => t.metric === 'first_response').state).toBe('breached');
    const breachMails = await mails('breached');
    expect(breachMails.flatMap((m) => m.recipients).sort()).toEqual([AGENT, MANAGER].sort());
    // Each reader gets the due time in their own zone: Lena in Berlin, Sam in London.
    const textFor = (email: string) => breachMails.find((m) => (m.recipients as string[]).includes(email))!.text_body;
    expect(textFor(AGENT)).toContain('it was due Monday 23 November 2026, 17:30 CET (Europe/Berlin)');
    expect(textFor(MANAGER)).toContain('it was due Monday 23 November 2026, 16:30 GMT (Europe/London)');
    expect(received.at(-1)!.body).toContain('"type":"breached"');
    await service.travel({ advance: '3d' });
    expect(await events('breached')).toHaveLength(1);
    expect(await mails('breached')).toHaveLength(2);
  });

  it('reclassifying re-targets the timers at once; preferences decide who hears of a warning', async () => {
    at('2026-11-30T09:00:00-08:00');
    // P2 is for production projects only.
    const projects = (await service.request(RILEY, { method: 'GET', url: '/api/v1/accounts' })).json().items[0].projects;
    const production = projects.find((p: { production: boolean }) => p.production).id;
    const created = await service.request(RILEY, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Webhooks slow', description: 'Latency.', priority: 'P3', project_id: production } });
    const id = created.json().id as string;
    const agentId = (await service.db.selectFrom('users').select('id').where('email', '=', AGENT).executeTakeFirstOrThrow()).id;
    await service.request(AGENT, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { assignee_id: agentId } });
    const muted = await service.request(AGENT, { method: 'PUT', url: '/api/v1/me/notifications', payload: { breach_warning: false } });
    expect(muted.statusCode, muted.body).toBe(200);
    expect(muted.json().events.breach_warning).toBe(false);
    const optedIn = await service.request(MANAGER, { method: 'PUT', url: '/api/v1/me/notifications', payload: { breach_warning: true } });
    expect(optedIn.json()).toMatchObject({ choices: { breach_warning: true }, events: { breach_warning: true, breached: true } });
    const wrong = await service.request(RILEY, { method: 'PUT', url: '/api/v1/me/notifications', payload: { breached: true, nonsense: false } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.breached', 'body.nonsense']);
    const reclassified = await service.request(AGENT, { method: 'POST', url: `/api/v1/tickets/${id}/reclassify`, payload: { priority: 'P2', reason: 'Customer impact confirmed' } });
    expect(reclassified.statusCode, reclassified.body).toBe(200);
    const timers = await service.db.selectFrom('timers').select(['kind', 'due_at']).where('subject_id', '=', id).where('state', '=', 'pending').orderBy('due_at').execute();
    // P2: 4h from 09:00 → 13:00, warning at 12:00.
    expect(timers.map((t) => [t.kind, t.due_at.toISOString()])).toEqual([
      ['breach_warning', utc('2026-11-30T12:00:00-08:00')],
      ['breach', new Date(Date.parse('2026-11-30T13:00:00-08:00') + 1).toISOString()],
    ]);
    await service.travel({ to: '2026-11-30T12:00:00-08:00' });
    const warnings = await service.db.selectFrom('mail_log').select('recipients').where('ticket_id', '=', id).where('event', '=', 'breach_warning').execute();
    expect(warnings.flatMap((m) => m.recipients)).toEqual([MANAGER]);
  });

  async function productionProject(): Promise<string> {
    const account = (await service.request(RILEY, { method: 'GET', url: '/api/v1/accounts' })).json().items[0];
    return account.projects.find((p: { name: string }) => p.name === 'Production').id;
  }
});
