import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER_B, START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

describe.each(DATABASE_KINDS)('the demo status data on %s', (kind) => {
  let service: TestService;
  let agent: string;
  let customer: string;

  beforeAll(async () => {
    service = await startTestService(kind, { seedTickets: true });
    agent = await service.signIn(AGENT);
    customer = await service.signIn(CUSTOMER_B);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('has components in groups serving the packs’ products, each account’s components, and an active minor incident on SMS', async () => {
    const list = (await service.request(customer, { method: 'GET', url: '/api/v1/status/components' })).json();
    expect(list.groups.map((g: { name: string }) => g.name)).toEqual(['Messaging', 'Voice', 'Email']);
    const byKey = Object.fromEntries(list.components.map((c: { key: string }) => [c.key, c]));
    expect(Object.keys(byKey).sort()).toEqual(['email-marketing', 'mail-send', 'sms-api', 'verify', 'voice', 'whatsapp-api']);
    expect(byKey['mail-send'].products).toEqual(['email']);
    expect(byKey['sms-api'].status).toBe('degraded_performance');
    expect(byKey['voice'].status).toBe('operational');
    const accountId = (await service.request(customer, { method: 'GET', url: '/api/v1/me' })).json().account_id;
    expect((await service.request(customer, { method: 'GET', url: `/api/v1/accounts/${accountId}/components` })).json().items.map((c: { key: string }) => c.key)).toEqual(['sms-api', 'voice', 'mail-send']);

    const banner = (await service.request(customer, { method: 'GET', url: '/api/v1/status/active-incidents?product=messaging' })).json().items;
    expect(banner).toHaveLength(1);
    expect(banner[0]).toMatchObject({ name: 'Delivery receipts delayed for one carrier', impact: 'minor', status: 'identified', components: [{ key: 'sms-api', status: 'degraded_performance' }] });
    expect((await service.request(customer, { method: 'GET', url: '/api/v1/status/active-incidents?product=email' })).json().items).toEqual([]);
    const ticket = await service.db.selectFrom('tickets').select('id').where('subject', '=', 'Delivery receipts missing for one carrier').executeTakeFirstOrThrow();
    expect((await service.request(customer, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/incidents` })).json().items.map((i: { name: string }) => i.name)).toEqual([
      'Delivery receipts delayed for one carrier',
    ]);
  });

  it('has last month’s resolved incident with its updates and published RFO, one across a month start, and maintenance done and ahead', async () => {
    const all = (await service.request(agent, { method: 'GET', url: '/api/v1/incidents' })).json().items as {
      id: string;
      name: string;
      kind: string;
      status: string;
      started_at: string;
      resolved_at: string | null;
      scheduled_for: string | null;
      updates: { status: string }[];
      rfo: { html: string; published_at: string | null } | null;
    }[];
    const named = (name: string) => all.find((i) => i.name === name)!;
    const lastMonthStart = Date.UTC(new Date(START).getUTCFullYear(), new Date(START).getUTCMonth() - 1, 1);

    const mail = named('Delayed delivery for some Mail Send messages');
    expect(mail.updates.map((u) => u.status)).toEqual(['resolved', 'monitoring', 'identified', 'investigating']);
    expect(Date.parse(mail.started_at)).toBeGreaterThanOrEqual(lastMonthStart);
    expect(mail.rfo?.published_at).not.toBeNull();
    expect(mail.rfo?.html).toContain('<h2>Root cause</h2>');

    const crossing = named('Errors sending SMS to several countries');
    expect(Date.parse(crossing.started_at)).toBeLessThan(lastMonthStart);
    expect(Date.parse(crossing.resolved_at!)).toBeGreaterThan(lastMonthStart);
    const spans = await service.db.selectFrom('status_component_spans').select(['started_at', 'ended_at']).where('incident_id', '=', crossing.id).execute();
    expect(Math.min(...spans.map((s) => s.started_at.getTime()))).toBeLessThan(lastMonthStart);
    expect(Math.max(...spans.map((s) => s.ended_at!.getTime()))).toBeGreaterThan(lastMonthStart);

    expect(named('Voice media server upgrade')).toMatchObject({ kind: 'maintenance', status: 'completed' });
    const ahead = named('Email Marketing database upgrade');
    expect(ahead).toMatchObject({ kind: 'maintenance', status: 'scheduled', resolved_at: null });
    expect(Date.parse(ahead.scheduled_for!)).toBeGreaterThan(START);
    expect(all.every((i) => Date.parse(i.started_at) <= START || i.status === 'scheduled')).toBe(true);
  });
});
