import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.js';
import { ADMIN, AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const MINUTE = 60_000;
const URL = '/api/v1/integrations/alertmanager';

/** A notification as Alertmanager sends it (webhook payload version 4). */
function notification(groupKey: string, status: 'firing' | 'resolved', alerts: { labels: Record<string, string>; status?: 'firing' | 'resolved' }[]) {
  return {
    receiver: 'hourglass',
    status,
    alerts: alerts.map((a, i) => ({
      status: a.status ?? status,
      labels: { alertname: 'MailSendErrors', ...a.labels },
      annotations: { summary: 'Mail Send answers 5xx', description: 'Error ratio above 5% for 5 minutes.' },
      startsAt: '2026-03-02T16:55:00Z',
      endsAt: status === 'resolved' ? '2026-03-02T17:30:00Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example:9090/graph?g0.expr=x',
      fingerprint: `f${i}`,
    })),
    groupLabels: { alertname: 'MailSendErrors' },
    commonLabels: { alertname: 'MailSendErrors' },
    commonAnnotations: { summary: 'Mail Send answers 5xx' },
    externalURL: 'http://alertmanager.example:9093',
    version: '4',
    groupKey,
    truncatedAlerts: 0,
  };
}

describe.each(DATABASE_KINDS)('the Alertmanager receiver on %s', (kind) => {
  let service: TestService;
  let token: string;
  let customerToken: string;
  let agent: string;
  let mail: string;
  let sms: string;

  const send = (payload: unknown, auth = token) => service.request(auth, { method: 'POST', url: URL, payload: payload as object });
  const statusOf = async (id: string) => (await service.request(agent, { method: 'GET', url: '/api/v1/status/components' })).json().components.find((c: { id: string }) => c.id === id).status;
  const incidentsOf = (groupKey: string) => service.db.selectFrom('incidents').selectAll().where('alert_fingerprint', '=', groupKey).execute();

  beforeAll(async () => {
    service = await startTestService(kind);
    const admin = await service.signIn(ADMIN);
    agent = await service.signIn(AGENT);
    mail = (await service.request(admin, { method: 'POST', url: '/api/v1/status/components', payload: { key: 'mail-send', name: 'Mail Send' } })).json().id;
    sms = (await service.request(admin, { method: 'POST', url: '/api/v1/status/components', payload: { key: 'sms-api', name: 'SMS API' } })).json().id;
    const user = await service.db.selectFrom('users').select('id').where('email', '=', AGENT).executeTakeFirstOrThrow();
    token = `Bearer ${(await createToken(service.db, service.clock, user.id, { name: 'alertmanager' })).secret}`;
    const customer = await service.db.selectFrom('users').select('id').where('email', '=', CUSTOMER_A).executeTakeFirstOrThrow();
    customerToken = `Bearer ${(await createToken(service.db, service.clock, customer.id, { name: 'nope' })).secret}`;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('opens one draft incident per group on firing, follows it, ignores retries, and resolves the draft when the group resolves', async () => {
    const group = '{}/{team="mail"}:{alertname="MailSendErrors"}';
    const t0 = service.clock.now();
    const firing = notification(group, 'firing', [{ labels: { component: 'mail-send', severity: 'warning' } }, { labels: { component: 'no-such-thing', severity: 'critical' } }, { labels: {} }]);
    const first = await send(firing);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'opened', components: [{ key: 'mail-send', status: 'partial_outage' }], unknown_components: ['no-such-thing'], alerts_without_component: 1 });
    const incidentId = first.json().incident_id;
    const incident = (await service.request(agent, { method: 'GET', url: `/api/v1/incidents/${incidentId}` })).json();
    expect(incident).toMatchObject({ draft: true, source: 'alertmanager', status: 'investigating', impact: 'minor', name: 'Mail Send answers 5xx' });
    expect(incident.updates).toHaveLength(1);
    expect(incident.updates[0].author).toBeNull();
    expect(incident.updates[0].body).toContain('Monitoring reports a problem: Mail Send answers 5xx');
    expect(await statusOf(mail)).toBe('partial_outage');
    // Drafts are not shown to customers.
    const customer = await service.signIn(CUSTOMER_A);
    expect((await service.request(customer, { method: 'GET', url: '/api/v1/status/active-incidents' })).json().items).toEqual([]);

    // Alertmanager retries and repeats: nothing new.
    service.clock.advance(MINUTE);
    const again = await send(firing);
    expect(again.json()).toMatchObject({ outcome: 'unchanged', incident_id: incidentId });
    expect(await incidentsOf(group)).toHaveLength(1);
    expect((await service.db.selectFrom('incident_updates').select('id').where('incident_id', '=', incidentId).execute()).length).toBe(1);

    // It gets worse and spreads to SMS.
    service.clock.advance(4 * MINUTE);
    const worse = await send(notification(group, 'firing', [{ labels: { component: 'mail-send', severity: 'critical' } }, { labels: { component: 'sms-api', severity: 'info' } }]));
    expect(worse.json()).toMatchObject({ outcome: 'updated', incident_id: incidentId });
    expect([await statusOf(mail), await statusOf(sms)]).toEqual(['major_outage', 'degraded_performance']);

    service.clock.advance(5 * MINUTE);
    const resolved = notification(group, 'resolved', [{ labels: { component: 'mail-send', severity: 'critical' } }, { labels: { component: 'sms-api' } }]);
    const done = await send(resolved);
    expect(done.json()).toMatchObject({ outcome: 'resolved', incident_id: incidentId });
    expect([await statusOf(mail), await statusOf(sms)]).toEqual(['operational', 'operational']);
    const after = (await service.request(agent, { method: 'GET', url: `/api/v1/incidents/${incidentId}` })).json();
    expect(after).toMatchObject({ status: 'resolved', draft: true, resolved_at: new Date(t0 + 10 * MINUTE).toISOString() });
    expect(after.updates[0].body).toContain('the problem is over');
    const spans = await service.db.selectFrom('status_component_spans').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
    expect(spans.map((s) => [s.component_id === mail ? 'mail' : 'sms', s.status, (s.started_at.getTime() - t0) / MINUTE, (s.ended_at!.getTime() - t0) / MINUTE])).toEqual([
      ['mail', 'partial_outage', 0, 5],
      ['mail', 'major_outage', 5, 10],
      ['sms', 'degraded_performance', 5, 10],
    ]);
    // A retried "resolved" changes nothing; a new firing of the group opens a new incident.
    expect((await send(resolved)).json()).toMatchObject({ outcome: 'unchanged', incident_id: null });
    const reopened = await send(firing);
    expect(reopened.json().outcome).toBe('opened');
    expect(reopened.json().incident_id).not.toBe(incidentId);
    await send(notification(group, 'resolved', [{ labels: { component: 'mail-send' } }]));
  });

  it('leaves a published incident to people: resolving the group only ends its statuses', async () => {
    const group = '{}:{alertname="SmsLatency"}';
    const opened = await send(notification(group, 'firing', [{ labels: { component: 'sms-api', severity: 'error' } }]));
    const id = opened.json().incident_id;
    await service.request(agent, { method: 'PATCH', url: `/api/v1/incidents/${id}`, payload: { draft: false } });
    const resolved = await send(notification(group, 'resolved', [{ labels: { component: 'sms-api', severity: 'error' } }]));
    expect(resolved.json()).toMatchObject({ outcome: 'resolved', incident_id: id });
    const incident = (await service.request(agent, { method: 'GET', url: `/api/v1/incidents/${id}` })).json();
    expect(incident).toMatchObject({ status: 'investigating', draft: false, resolved_at: null });
    expect(incident.updates).toHaveLength(1);
    expect(await statusOf(sms)).toBe('operational');
    await service.request(agent, { method: 'POST', url: `/api/v1/incidents/${id}/updates`, payload: { status: 'resolved', body: 'Fixed.' } });
  });

  it('opens one incident when Alertmanager sends the same new group twice at once', async () => {
    const group = '{}:{alertname="Race"}';
    const payload = notification(group, 'firing', [{ labels: { component: 'mail-send', severity: 'critical' } }]);
    const answers = await Promise.all([send(payload), send(payload), send(payload)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.json().incident_id)).size).toBe(1);
    expect(await incidentsOf(group)).toHaveLength(1);
    await send(notification(group, 'resolved', [{ labels: { component: 'mail-send' } }]));
  });

  it('refuses bad input with field paths, oversized bodies, and callers who are not staff', async () => {
    const wrongVersion = await send({ ...notification('g', 'firing', []), version: '3' });
    expect(wrongVersion.statusCode).toBe(400);
    expect(wrongVersion.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.version']);
    const badAlert = await send({ ...notification('g', 'firing', []), alerts: [{ status: 'burning', labels: {} }] });
    expect(badAlert.statusCode).toBe(400);
    expect(badAlert.json().error.issues[0].path).toBe('body.alerts.0.status');
    const tooMany = await send({ ...notification('g', 'firing', []), alerts: Array.from({ length: 1001 }, () => ({ status: 'firing', labels: {} })) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.issues[0].path).toBe('body.alerts');
    const huge = await send({ ...notification('g', 'firing', []), commonAnnotations: { description: 'x'.repeat(300 * 1024) } });
    expect(huge.statusCode).toBe(413);
    expect((await send(notification('g', 'firing', []), customerToken)).statusCode).toBe(403);
    expect((await service.request(null, { method: 'POST', url: URL, payload: notification('g', 'firing', []) })).statusCode).toBe(401);
    expect(await incidentsOf('g')).toEqual([]);
  });
});
