import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadShippedPacks, parsePack, PolicyRegistry, shippedPacksDir } from '@hourglass/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './support/databases.js';
import { ADMIN, MANAGER, startWorkflowService, utc, type WorkflowService } from './support/workflow.js';

const BANK = 'evan@dunmore-bank.example'; // twilio personalized: escalation included
const JORDAN = 'jordan.blake@hourglass.example'; // agent, manager Sam Okonkwo (manager@hourglass.example)

/**
 * The twilio pack with the escalation response target on business hours (Mon–Fri 06:00–18:00
 * America/Los_Angeles) for 4h, so that a target raised on a Friday afternoon runs over the weekend.
 */
async function businessHoursEscalationCatalog(): Promise<PolicyRegistry> {
  const file = `${shippedPacksDir()}twilio.yaml`;
  const text = await readFile(file, 'utf8');
  const line = 'response_target: { duration: 1h, calendar: 24x7 }';
  if (!text.includes(line)) throw new Error(`the twilio pack no longer has "${line}"`);
  const parsed = parsePack(text.replace(line, 'response_target: { duration: 4h, calendar: twilio-business-hours }'), file);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const shipped = await loadShippedPacks();
  return new PolicyRegistry([parsed.pack, ...shipped.packIds().filter((id) => id !== 'twilio').map((id) => shipped.pack(id))]);
}

describe.each(DATABASE_KINDS)('escalation response target timers on %s', (kind) => {
  let service: WorkflowService;
  let receiver: Server;
  const received: { type: string; data: Record<string, unknown> }[] = [];
  let jordanId = '';

  beforeAll(async () => {
    // The receiver listens on loopback: the allow-list is how an operator lets webhooks reach it.
    service = await startWorkflowService(kind, '2026-11-20T15:00:00-08:00', { registry: await businessHoursEscalationCatalog(), webhookAllow: ['127.0.0.1'] });
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const hook = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url, events: ['escalation_warning', 'escalation_breached'] } });
    expect(hook.statusCode, hook.body).toBe(201);
    jordanId = (await service.db.selectFrom('users').select('id').where('email', '=', JORDAN).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await service?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  const at = (iso: string) => service.clock.set(Date.parse(iso));
  const events = (ticketId: string, type: string) =>
    service.db.selectFrom('ticket_events').select(['type', 'at', 'after']).where('ticket_id', '=', ticketId).where('type', '=', type).orderBy('id').execute();
  const mails = (ticketId: string, event: string) => service.db.selectFrom('mail_log').selectAll().where('ticket_id', '=', ticketId).where('event', '=', event).orderBy('id').execute();
  const escalationTimers = (ticketId: string) =>
    service.db.selectFrom('timers').select(['kind', 'key', 'due_at', 'state']).where('subject_id', '=', ticketId).where('kind', 'like', 'escalation_%').orderBy('due_at').execute();

  async function escalatedTicket(subject: string): Promise<{ ticketId: string; escalationId: string; dueAt: string }> {
    const created = await service.request(BANK, { method: 'POST', url: '/api/v1/tickets', payload: { subject, description: 'Payments fail.' } });
    expect(created.statusCode, created.body).toBe(201);
    const ticketId = created.json().id as string;
    const assigned = await service.request(ADMIN, { method: 'PATCH', url: `/api/v1/tickets/${ticketId}`, payload: { assignee_id: jordanId } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const raised = await service.request(BANK, { method: 'POST', url: `/api/v1/tickets/${ticketId}/escalations`, payload: { reason: 'critical_blocker' } });
    expect(raised.statusCode, raised.body).toBe(201);
    return { ticketId, escalationId: raised.json().id, dueAt: raised.json().due_at };
  }

  it('schedules a warning at 75% and the breach just after the due time, counted in business hours over the weekend', async () => {
    at('2026-11-20T16:00:00-08:00'); // Friday: 2h left today, the other 2h on Monday from 06:00
    const { ticketId, escalationId, dueAt } = await escalatedTicket('Payments down');
    expect(dueAt).toBe(utc('2026-11-23T08:00:00-08:00'));
    expect((await escalationTimers(ticketId)).map((t) => [t.kind, t.key, t.due_at.toISOString(), t.state])).toEqual([
      ['escalation_warning', escalationId, utc('2026-11-23T07:00:00-08:00'), 'pending'],
      ['escalation_breach', escalationId, new Date(Date.parse('2026-11-23T08:00:00-08:00') + 1).toISOString(), 'pending'],
    ]);

    // Nothing fires over the weekend.
    await service.travel({ to: '2026-11-23T06:59:00-08:00' });
    expect(await events(ticketId, 'escalation_warning')).toEqual([]);
    expect(await events(ticketId, 'escalation_breached')).toEqual([]);

    await service.travel({ to: '2026-11-23T07:00:00-08:00' });
    const warned = await events(ticketId, 'escalation_warning');
    expect(warned.map((e) => e.at.toISOString())).toEqual([utc('2026-11-23T07:00:00-08:00')]);
    expect(warned[0]!.after).toMatchObject({ escalation_id: escalationId, remaining_ms: 3_600_000 });
    // The escalation's warning is an event of its own, apart from the breach warnings of the ticket's targets.
    const warning = await mails(ticketId, 'escalation_warning');
    expect(warning.flatMap((m) => m.recipients)).toEqual([JORDAN]);
    expect(warning[0]!.subject).toContain('Escalation response due soon');
    // Each reader sees the time in their own zone, named: Jordan works in Los Angeles.
    expect(warning[0]!.text_body).toContain('its response is due Monday 23 November 2026, 08:00 PST (America/Los_Angeles)');
    expect(warning[0]!.text_body).toContain('1h of business time is left');
    expect(warning[0]!.text_body).toContain('Assigned to Jordan Blake.');
    expect((await mails(ticketId, 'breach_warning')).filter((m) => m.subject.includes('escalation'))).toEqual([]);
    const warningHooks = received.filter((r) => r.type === 'escalation_warning');
    expect(warningHooks).toHaveLength(1);
    expect(warningHooks[0]!.data).toMatchObject({ escalation_id: escalationId, due_at: dueAt, remaining_ms: 3_600_000, reason: 'critical_blocker', ticket: { id: ticketId } });
    expect(received.filter((r) => r.type === 'breach_warning')).toEqual([]);

    await service.travel({ to: '2026-11-23T08:00:00-08:00' });
    expect(await events(ticketId, 'escalation_breached')).toEqual([]);
    await service.travel({ advance: '1m' });
    const breached = await events(ticketId, 'escalation_breached');
    expect(breached.map((e) => e.at.getTime())).toEqual([Date.parse('2026-11-23T08:00:00-08:00') + 1]);
    expect(breached[0]!.after).toMatchObject({ escalation_id: escalationId, due_at: dueAt, reason: 'critical_blocker' });

    // The assignee's manager and support management (one person here) get the alert; the webhook too.
    const alert = await mails(ticketId, 'escalation_breached');
    expect(alert.flatMap((m) => m.recipients)).toEqual([MANAGER]);
    expect(alert[0]!.subject).toContain('Escalation not answered in time');
    // The manager works in London: the same instant, 16:00 GMT.
    expect(alert[0]!.text_body).toContain('its response was due Monday 23 November 2026, 16:00 GMT (Europe/London)');
    expect(alert[0]!.text_body).toContain('Assigned to Jordan Blake.');
    const hooks = received.filter((r) => r.type === 'escalation_breached');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.data).toMatchObject({ escalation_id: escalationId, due_at: dueAt, ticket: { id: ticketId } });

    const shown = (await service.request(ADMIN, { method: 'GET', url: `/api/v1/tickets/${ticketId}/escalations` })).json().items;
    expect(shown[0]).toMatchObject({ state: 'breached' });

    // It fires once: days later there is still one breach, one email, one delivery.
    await service.travel({ advance: '3d' });
    expect(await events(ticketId, 'escalation_breached')).toHaveLength(1);
    expect(await mails(ticketId, 'escalation_breached')).toHaveLength(1);
    expect(received.filter((r) => r.type === 'escalation_breached')).toHaveLength(1);
  });

  it('cancels both timers when the escalation is answered before its due time', async () => {
    at('2026-11-30T09:00:00-08:00'); // Monday: due 13:00, warning 12:00
    const { ticketId, escalationId } = await escalatedTicket('Webhooks down');
    await service.travel({ to: '2026-11-30T10:00:00-08:00' });
    const reply = await service.request(JORDAN, { method: 'POST', url: `/api/v1/tickets/${ticketId}/comments`, payload: { body: 'Looking at it now.', public: true } });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await escalationTimers(ticketId)).map((t) => [t.kind, t.key, t.state])).toEqual([
      ['escalation_warning', escalationId, 'cancelled'],
      ['escalation_breach', escalationId, 'cancelled'],
    ]);
    await service.travel({ to: '2026-11-30T14:00:00-08:00' });
    expect(await events(ticketId, 'escalation_warning')).toEqual([]);
    expect(await events(ticketId, 'escalation_breached')).toEqual([]);
    expect(await mails(ticketId, 'escalation_breached')).toEqual([]);
    expect(await mails(ticketId, 'escalation_warning')).toEqual([]);
    expect(received.filter((r) => r.type === 'escalation_warning' && (r.data.ticket as { id?: string }).id === ticketId)).toEqual([]);
    const shown = (await service.request(ADMIN, { method: 'GET', url: `/api/v1/tickets/${ticketId}/escalations` })).json().items;
    expect(shown[0]).toMatchObject({ state: 'met', responded_at: utc('2026-11-30T10:00:00-08:00') });
  });
});
