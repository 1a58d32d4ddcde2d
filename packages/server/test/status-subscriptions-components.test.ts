import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.js';
import type { DatabaseHandle } from '../src/db/open.js';
import { statusProvider } from '../src/status-subscriptions/provider.js';
import { type ReceivedHook, type SmtpInbox, startSmtpInbox, startWebhookReceiver, type WebhookReceiver } from './support/receivers.js';
import { DATABASE_KINDS, openTestDatabase } from './support/databases.js';
import { ADMIN, AGENT, startWorkflowService, type WorkflowService } from './support/workflow.js';

// Notices of a component's status set by hand (Statuspage's component_update), through real
// receivers: an SMTP listener gets the emails, an HTTP receiver checks each webhook's signature. The
// status is set through PUT /api/v1/status/components/{id}/status, which queues the notices.

const PUBLIC = 'https://desk.example.test';

describe.each(DATABASE_KINDS)('notices of a component status set by hand on %s', (kind) => {
  let service: WorkflowService;
  let smtp: SmtpInbox;
  let receiver: WebhookReceiver;
  let receiverUrl = '';
  let inbox: ParsedMail[] = [];
  let hooks: ReceivedHook[] = [];
  let providerId = '';
  let providerName = '';
  const components: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    inbox = smtp.messages;
    service = await startWorkflowService(kind, '2026-11-20T16:00:00Z', { smtpUrl: smtp.url, webhookAllow: ['127.0.0.1'] });
    receiver = await startWebhookReceiver('/component-hooks', () => service.clock.now());
    hooks = receiver.hooks;
    receiverUrl = receiver.url;
    const provider = (await statusProvider(service.db))!;
    providerId = provider.id;
    providerName = provider.name;
    for (const [key, name] of [
      ['h6-voice', 'Voice API'],
      ['h6-mail', 'Mail Send'],
    ] as const) {
      const r = await service.request(ADMIN, { method: 'POST', url: '/api/v1/status/components', payload: { key, name } });
      expect(r.statusCode, r.body).toBe(201);
      components[key] = r.json().id;
    }
    // Confirmed readers of Voice API (English), of all components (German) and of Mail Send only; one of Voice API who never confirmed.
    const now = new Date(service.clock.now());
    const reader = (email: string, chosen: string[] | null, locale: 'en' | 'de', confirmed: boolean) => ({
      provider_id: providerId,
      kind: 'email' as const,
      email,
      component_ids: chosen === null ? null : JSON.stringify(chosen),
      locale,
      confirmed_at: confirmed ? now : null,
      confirm_by: confirmed ? null : new Date(now.getTime() + 48 * 3_600_000),
      created_at: now,
      updated_at: now,
    });
    await service.db
      .insertInto('status_subscribers')
      .values([
        reader('ada@example.test', [components['h6-voice']!], 'en', true),
        reader('bruno@example.test', null, 'de', true),
        reader('carol@example.test', [components['h6-mail']!], 'en', true),
        reader('dora@example.test', [components['h6-voice']!], 'en', false),
      ])
      .execute();
    const hook = await service.app.inject({ method: 'POST', url: '/status/subscriptions', payload: { kind: 'webhook', url: receiverUrl, component_ids: [components['h6-voice']] } });
    expect(hook.statusCode, hook.body).toBe(201);
    receiver.secret = hook.json().secret;
  });
  afterAll(async () => {
    await service?.close();
    await smtp?.close();
    await receiver?.close();
  });

  const deliver = () => service.workflow.runDue(service.clock.now());
  const recipients = () => inbox.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address).sort();
  const mailTo = (address: string) => inbox.find((m) => (m.to as { value: { address: string }[] }).value.some((v) => v.address === address));
  const setStatus = async (key: string, status: string) => {
    const r = await service.request(AGENT, { method: 'PUT', url: `/api/v1/status/components/${components[key]}/status`, payload: { status } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe(status);
  };
  const componentNotices = () => service.db.selectFrom('status_notices').selectAll().where('component_id', 'is not', null).execute();

  it('mails the confirmed subscribers of that component and of all, in their language, with one-click unsubscribe headers, and nobody else', async () => {
    await setStatus('h6-voice', 'partial_outage');
    await deliver();
    expect(recipients()).toEqual(['ada@example.test', 'bruno@example.test']);

    const mail = mailTo('ada@example.test')!;
    expect(mail.subject).toBe(`[${providerName}] Voice API is now in partial outage`);
    const raw = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n/g, '');
    expect(raw('list-unsubscribe')).toMatch(/^List-Unsubscribe: <https:\/\/desk\.example\.test\/status\/subscriptions\/unsubscribe\?token=hgsub_[A-Za-z0-9_-]{43}>$/);
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Voice API is now in partial outage');
    expect(mail.text).toContain('Previous status: Operational.');
    expect(mail.text).toContain('Changed on November 20, 2026 at 4:00 PM (UTC).');
    expect(mail.text).toContain(`${PUBLIC}/status`);
    expect(mail.text).toContain(raw('list-unsubscribe')!.slice('List-Unsubscribe: <'.length, -1));

    const german = mailTo('bruno@example.test')!;
    expect(german.headers.get('content-language')).toBe('de');
    expect(german.subject).toBe(`[${providerName}] Voice API ist jetzt teilweise ausgefallen`);
    expect(german.text).toContain('Vorheriger Status: Betriebsbereit.');
    expect(german.headerLines.map((h) => h.key)).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));

    // Another worker's sweep sends nothing twice.
    await deliver();
    expect(inbox).toHaveLength(2);
  });

  it('posts a signed webhook in Statuspage’s component_update shape, and retries it with the same bytes', async () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ verified: true, attempt: '1', event: 'status.component_update' });
    const payload = JSON.parse(hooks[0]!.body);
    expect(Object.keys(payload).sort()).toEqual(['component', 'component_update', 'meta', 'page']);
    expect(payload.meta.unsubscribe).toMatch(/^https:\/\/desk\.example\.test\/status\/subscriptions\/unsubscribe\?token=hgsub_/);
    expect(payload.meta.documentation).toBe(`${PUBLIC}/status/subscribe#webhooks`);
    expect(payload.page).toEqual({ id: providerId, status_indicator: 'major', status_description: 'Partial System Outage' });
    const [notice] = (await componentNotices()).filter((n) => n.webhook_body !== null);
    expect(payload.component_update).toEqual({
      id: notice!.component_update_id,
      component_id: components['h6-voice'],
      component_type: 'Component',
      old_status: 'operational',
      new_status: 'partial_outage',
      created_at: '2026-11-20T16:00:00.000Z',
    });
    expect(payload.component).toMatchObject({ id: components['h6-voice'], page_id: providerId, name: 'Voice API', status: 'partial_outage', group_id: null, showcase: expect.any(Boolean) });
    expect(typeof payload.component.created_at).toBe('string');
    // One change: every subscriber's notice carries the same change id.
    expect(new Set((await componentNotices()).map((n) => n.component_update_id)).size).toBe(1);

    // Back to operational; the receiver fails once, and the retry sends the same signed bytes.
    receiver.answers.push(503);
    service.clock.set(service.clock.now() + 60_000);
    await setStatus('h6-voice', 'operational');
    await deliver();
    expect(hooks).toHaveLength(2);
    expect(hooks[1]).toMatchObject({ verified: true, attempt: '1', event: 'status.component_update' });
    service.clock.set(service.clock.now() + 60_000);
    await deliver();
    expect(hooks).toHaveLength(3);
    expect(hooks[2]).toMatchObject({ verified: true, attempt: '2' });
    expect(hooks[2]!.body).toBe(hooks[1]!.body);
    const back = JSON.parse(hooks[2]!.body);
    expect(back.component_update).toMatchObject({ old_status: 'partial_outage', new_status: 'operational' });
    expect(back.component.status).toBe('operational');
    expect(back.page).toEqual({ id: providerId, status_indicator: 'none', status_description: 'All Systems Operational' });
    const retried = (await componentNotices()).find((n) => n.webhook_body !== null && n.new_status === 'operational')!;
    expect(retried).toMatchObject({ attempts: 2, last_status_code: 204, dead_at: null });
    expect(retried.delivered_at).not.toBeNull();
    expect(recipients()).toEqual(['ada@example.test', 'ada@example.test', 'bruno@example.test', 'bruno@example.test']);
  });

  it('sends nothing when the same status is set again', async () => {
    const before = (await componentNotices()).length;
    inbox.length = 0;
    hooks.length = 0;
    await setStatus('h6-voice', 'operational');
    await setStatus('h6-mail', 'operational');
    await deliver();
    expect((await componentNotices()).length).toBe(before);
    expect(inbox).toEqual([]);
    expect(hooks).toEqual([]);

    await setStatus('h6-mail', 'degraded_performance');
    await setStatus('h6-mail', 'degraded_performance');
    await deliver();
    expect(recipients()).toEqual(['bruno@example.test', 'carol@example.test']);
    expect(hooks).toEqual([]); // the webhook chose Voice API only
  });

  it('leaves changes made by an incident to the incident’s notices', async () => {
    const before = (await componentNotices()).length;
    const r = await service.request(AGENT, {
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { name: 'Calls dropping', status: 'investigating', impact: 'major', body: 'Looking into it.', components: [{ id: components['h6-voice'], status: 'major_outage' }] },
    });
    expect(r.statusCode, r.body).toBe(201);
    await deliver();
    expect((await componentNotices()).length).toBe(before);
    expect(hooks.map((h) => h.event)).toEqual(['status.incident_update']);
  });
});

describe.each(DATABASE_KINDS)('migration 015 on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('lets a notice be of an incident or of a component, never both nor neither, and goes down and up again', async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('015_component_notices')).error).toBeUndefined();
    const db = handle.db;
    const provider = (await sql<{ id: string }>`insert into providers (name, slug) values ('Acme', 'acme-015') returning id`.execute(db)).rows[0]!.id;
    const component = (await sql<{ id: string }>`insert into status_components (provider_id, key, name, created_at, updated_at) values (${provider}, 'api', 'API', now(), now()) returning id`.execute(db)).rows[0]!.id;
    const subscriber = (await sql<{ id: string }>`insert into status_subscribers (provider_id, kind, email, confirmed_at) values (${provider}, 'email', 'a@example.test', now()) returning id`.execute(db)).rows[0]!.id;
    const change = '0b7f6a52-7a0e-4c1f-9a57-3c2d1e0f9a11';
    const insert = (oldStatus: string | null, newStatus: string | null, componentId: string | null = component, changeId: string = randomUUID()) =>
      sql`insert into status_notices (subscriber_id, component_id, component_update_id, old_status, new_status, created_at) values (${subscriber}, ${componentId}, ${changeId}, ${oldStatus}, ${newStatus}, now())`.execute(db);
    await insert('operational', 'major_outage', component, change);
    await expect(insert('operational', 'major_outage', component, change)).rejects.toThrow(); // one per subscriber and change
    await insert('major_outage', 'operational');
    await expect(insert('major_outage', 'major_outage')).rejects.toThrow(); // no change
    await expect(insert('operational', null)).rejects.toThrow();
    await expect(insert('operational', 'sideways')).rejects.toThrow();
    await expect(insert('operational', 'major_outage', null)).rejects.toThrow();
    expect((await migrator.migrateTo('014_incident_rfo')).error).toBeUndefined();
    expect((await migrator.migrateTo('015_component_notices')).error).toBeUndefined();
  });
});
