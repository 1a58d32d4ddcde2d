import type { InjectOptions } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, type Workflow } from '../src/app/worker.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { statusProvider } from '../src/status-subscriptions/provider.js';
import { type ReceivedHook, type SmtpInbox, startSmtpInbox, startWebhookReceiver, type WebhookReceiver } from './support/receivers.js';
import { DATABASE_KINDS } from './support/databases.js';
import { ADMIN, AGENT, RILEY, startWorkflowService, type WorkflowService } from './support/workflow.js';

// Subscriptions to the status page through real receivers: an SMTP listener gets the confirmation
// and the notices (with RFC 8058's one-click headers), an HTTP receiver checks each webhook's
// signature; incidents are opened and updated through the incidents API, which queues the notices.

const PUBLIC = 'https://desk.example.test';
const HOUR = 3_600_000;

describe.each(DATABASE_KINDS)('status subscriptions through real SMTP and webhook receivers on %s', (kind) => {
  let service: WorkflowService;
  let smtp: SmtpInbox;
  let receiver: WebhookReceiver;
  let receiverUrl = '';
  let inbox: ParsedMail[] = [];
  let hooks: ReceivedHook[] = [];
  let providerId = '';
  const components: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    inbox = smtp.messages;
    service = await startWorkflowService(kind, '2026-11-20T16:00:00Z', { smtpUrl: smtp.url, webhookAllow: ['127.0.0.1'] });
    receiver = await startWebhookReceiver('/status-hooks', () => service.clock.now());
    hooks = receiver.hooks;
    receiverUrl = receiver.url;
    providerId = (await statusProvider(service.db))!.id;
    for (const [key, name] of [
      ['h4-voice', 'Voice API'],
      ['h4-mail', 'Mail Send'],
    ] as const) {
      const r = await service.request(ADMIN, { method: 'POST', url: '/api/v1/status/components', payload: { key, name } });
      expect(r.statusCode, r.body).toBe(201);
      components[key] = r.json().id;
    }
  });
  afterAll(async () => {
    await service?.close();
    await smtp?.close();
    await receiver?.close();
  });

  /** Lets the worker deliver what is due now. */
  const deliver = () => service.workflow.runDue(service.clock.now());
  const anonymous = (options: InjectOptions) => service.app.inject(options);
  const mailsTo = (address: string) => inbox.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));
  const linkIn = (mail: ParsedMail, path: string) => {
    const found = new RegExp(`${PUBLIC.replace(/\./g, '\\.')}${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
    if (!found) throw new Error(`no ${path} link in:\n${mail.text}`);
    return found[0]!.slice(PUBLIC.length);
  };
  const openIncident = async (name: string, componentKey: string, extra: Record<string, unknown> = {}) => {
    const r = await service.request(AGENT, {
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { name, status: 'investigating', impact: 'major', body: `We are looking into ${name}.`, components: [{ id: components[componentKey], status: 'partial_outage' }], ...extra },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string };
  };
  const subscribers = (email: string) => service.db.selectFrom('status_subscribers').selectAll().where('email', '=', email).execute();

  it('asks by email for a confirmation, answering alike whether or not the address is known, and sends nothing else before it is confirmed', async () => {
    const ada = await anonymous({ method: 'POST', url: '/status/subscriptions', payload: { email: 'ada@example.test', component_ids: [components['h4-voice']] } });
    expect(ada.statusCode, ada.body).toBe(202);
    // The form, in German, for all components.
    const form = await anonymous({
      method: 'POST',
      url: '/status/subscriptions',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml', origin: 'https://elsewhere.example' },
      payload: 'locale=de&kind=email&email=bruno%40example.test&components=all',
    });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['content-type']).toContain('text/html');
    expect(form.body).toContain('<html lang="de">');
    expect(form.body).toContain('Sehen Sie in Ihr Postfach');
    const nobody = await anonymous({ method: 'POST', url: '/status/subscriptions', payload: { email: 'carol@example.test' } });
    expect(nobody.statusCode).toBe(202);
    const again = await anonymous({ method: 'POST', url: '/status/subscriptions', payload: { email: 'ada@example.test', component_ids: [components['h4-voice']] } });
    expect(again.statusCode).toBe(202);
    expect(again.body).toBe(ada.body);

    await deliver();
    expect(mailsTo('ada@example.test').length).toBe(2);
    const confirmation = mailsTo('bruno@example.test')[0]!;
    expect(confirmation.subject).toMatch(/^Bestätigen Sie Ihr Abonnement/);
    expect(confirmation.headers.get('content-language')).toBe('de');
    expect(confirmation.headers.get('list-unsubscribe')).toBeUndefined();
    expect(confirmation.html).toContain('<html lang="de">');
    expect((await subscribers('ada@example.test')).map((s) => s.confirmed_at)).toEqual([null]);
  });

  it('confirms only with the button: the link alone (what a scanner opens) shows a page and changes nothing', async () => {
    for (const address of ['ada@example.test', 'bruno@example.test']) {
      const link = linkIn(mailsTo(address).at(-1)!, '/status/subscriptions/confirm');
      const page = await anonymous({ method: 'GET', url: link });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/<form method="post" action="\/status\/subscriptions\/confirm\?token=[^"]+"/);
      expect((await subscribers(address))[0]!.confirmed_at).toBeNull();
      const done = await anonymous({ method: 'POST', url: link });
      expect(done.statusCode, done.body).toBe(200);
      expect((await subscribers(address))[0]!.confirmed_at).not.toBeNull();
    }
    const bogus = await anonymous({ method: 'GET', url: '/status/subscriptions/confirm?token=hgsub_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(bogus.statusCode).toBe(404);
    expect(bogus.body).toContain('This link no longer works');
  });

  it('refuses a bad request at its fields, in the reader’s language, and never a webhook to an internal address', async () => {
    const bad = await anonymous({ method: 'POST', url: '/status/subscriptions', headers: { 'accept-language': 'pt-BR' }, payload: { email: 'not-an-address', component_ids: ['nope'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.email', 'body.component_ids.0']);
    expect(bad.json().error.issues[0].message).toBe('Informe um endereço de e-mail como ada@example.com.');
    const internal = await anonymous({ method: 'POST', url: '/status/subscriptions', payload: { url: 'http://169.254.169.254/latest' } });
    expect(internal.statusCode).toBe(400);
    expect(internal.json().error.issues).toEqual([{ path: 'body.url', message: 'This address cannot receive webhooks: it is not a public address.' }]);
    const form = await anonymous({ method: 'POST', url: '/status/subscriptions', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: 'kind=email&email=x&components=chosen' });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('aria-invalid="true"');
    expect(form.body).toContain('Choose at least one component, or all of them.');
    // The same fields from a script (no HTML accepted) are answered in JSON.
    const script = await anonymous({ method: 'POST', url: '/status/subscriptions', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'kind=email&email=x&components=chosen' });
    expect(script.statusCode).toBe(400);
    expect(script.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.email', 'body.component_ids']);
  });

  it('subscribes a webhook at once, showing its secret once', async () => {
    const r = await anonymous({ method: 'POST', url: '/status/subscriptions', payload: { kind: 'webhook', url: receiverUrl, component_ids: [components['h4-mail']] } });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    receiver.secret = body.secret;
    expect(body).toMatchObject({ kind: 'webhook', url: receiverUrl, component_ids: [components['h4-mail']] });
    expect(body.unsubscribe_url).toMatch(/\/status\/subscriptions\/unsubscribe\?token=hgsub_/);
  });

  it('mails each confirmed subscriber of an affected component once, with one-click unsubscribe headers, and nobody else', async () => {
    inbox.length = 0;
    const incident = await openIncident('Calls failing in Frankfurt', 'h4-voice');
    await deliver();
    expect(inbox.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address).sort()).toEqual(['ada@example.test', 'bruno@example.test']);
    expect(hooks).toEqual([]); // the webhook chose Mail Send only

    const mail = mailsTo('ada@example.test')[0]!;
    const provider = (await statusProvider(service.db))!.name;
    expect(mail.subject).toBe(`[${provider}] Calls failing in Frankfurt: Investigating`);
    const raw = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n/g, '');
    expect(raw('list-unsubscribe')).toMatch(/^List-Unsubscribe: <https:\/\/desk\.example\.test\/status\/subscriptions\/unsubscribe\?token=hgsub_[A-Za-z0-9_-]{43}>$/);
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(linkIn(mail, '/status/subscriptions/unsubscribe')).toBe(raw('list-unsubscribe')!.slice('List-Unsubscribe: <'.length + PUBLIC.length, -1));
    expect(mail.text).toContain('Incident: Calls failing in Frankfurt');
    expect(mail.text).toContain('Status: Investigating');
    expect(mail.text).toContain('We are looking into Calls failing in Frankfurt.');
    expect(mail.text).toContain('Voice API: Partial outage');
    expect(mail.text).toContain(`${PUBLIC}/status/incidents/${incident.id}`);
    expect(mail.html).toContain(`href="${PUBLIC}/status/incidents/${incident.id}"`);
    const german = mailsTo('bruno@example.test')[0]!;
    expect(german.headers.get('content-language')).toBe('de');
    expect(german.text).toContain('Störung: Calls failing in Frankfurt');
    expect(german.text).toContain('Voice API – Teilausfall');

    // Workers that sweep again send nothing twice.
    await deliver();
    expect(inbox.length).toBe(2);
  });

  it('unsubscribes with the one-click POST, without sign-in or cookie, while a GET of the link only shows a button', async () => {
    const mail = mailsTo('ada@example.test').at(-1)!;
    const link = linkIn(mail, '/status/subscriptions/unsubscribe');
    const page = await anonymous({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ada@example.test');
    expect(page.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect((await subscribers('ada@example.test')).find((s) => s.confirmed_at)!.unsubscribed_at).toBeNull();
    // As a mail provider posts it (RFC 8058): form-encoded, no cookie, no Origin.
    const oneClick = await anonymous({ method: 'POST', url: link, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
    expect((await subscribers('ada@example.test')).find((s) => s.confirmed_at)!.unsubscribed_at).not.toBeNull();
    // Multipart, as RFC 8058 also allows, and twice: harmless.
    const multipart = await anonymous({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--xyz--\r\n',
    });
    expect(multipart.statusCode).toBe(200);

    inbox.length = 0;
    const second = await service.db.selectFrom('incidents').select('id').where('name', '=', 'Calls failing in Frankfurt').executeTakeFirstOrThrow();
    const r = await service.request(AGENT, { method: 'POST', url: `/api/v1/incidents/${second.id}/updates`, payload: { status: 'identified', body: 'A bad route; rolling back.' } });
    expect(r.statusCode, r.body).toBe(200);
    await deliver();
    expect(inbox.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address)).toEqual(['bruno@example.test']);
    expect(inbox[0]!.text).toContain('Ursache gefunden');
  });

  it('posts a signed webhook in Statuspage’s shape, retries with backoff, and dead-letters a receiver that is gone', async () => {
    receiver.answers.push(503);
    const incident = await openIncident('Mail delayed', 'h4-mail');
    await deliver();
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ verified: true, attempt: '1', event: 'status.incident_update' });
    const notice = await service.db.selectFrom('status_notices').selectAll().where('incident_id', '=', incident.id).where('webhook_body', 'is not', null).executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ attempts: 1, last_status_code: 503, delivered_at: null, dead_at: null });
    service.clock.set(service.clock.now() + 60_000);
    await deliver();
    expect(hooks).toHaveLength(2);
    expect(hooks[1]).toMatchObject({ verified: true, attempt: '2' });
    expect(hooks[1]!.body).toBe(hooks[0]!.body);
    const payload = JSON.parse(hooks[1]!.body);
    expect(Object.keys(payload).sort()).toEqual(['incident', 'meta', 'page']);
    expect(payload.meta.unsubscribe).toMatch(/^https:\/\/desk\.example\.test\/status\/subscriptions\/unsubscribe\?token=hgsub_/);
    expect(payload.page).toEqual({ id: providerId, status_indicator: 'major', status_description: 'Partial System Outage' });
    expect(payload.incident).toMatchObject({ id: incident.id, name: 'Mail delayed', status: 'investigating', impact: 'major', shortlink: `${PUBLIC}/status/incidents/${incident.id}` });
    expect(payload.incident.components).toEqual([{ id: components['h4-mail'], key: 'h4-mail', name: 'Mail Send', status: 'partial_outage' }]);
    expect(payload.incident.incident_updates[0]).toMatchObject({ status: 'investigating', body: 'We are looking into Mail delayed.' });
    expect((await service.db.selectFrom('status_notices').select(['delivered_at', 'attempts']).where('id', '=', notice.id).executeTakeFirstOrThrow()).attempts).toBe(2);

    receiver.answers.push(410);
    const r = await service.request(AGENT, { method: 'POST', url: `/api/v1/incidents/${incident.id}/updates`, payload: { status: 'resolved', body: 'Delivered again.', components: [{ id: components['h4-mail'], status: 'operational' }] } });
    expect(r.statusCode, r.body).toBe(200);
    await deliver();
    const dead = await service.db.selectFrom('status_notices').selectAll().where('incident_id', '=', incident.id).orderBy('created_at', 'desc').orderBy('attempts').execute();
    expect(dead.some((n) => n.dead_at !== null && n.last_status_code === 410)).toBe(true);

    // The notice's own unsubscribe link ends the webhook subscription; the token itself was never stored.
    const token = new URL(payload.meta.unsubscribe).searchParams.get('token')!;
    const stored = await service.db.selectFrom('status_notices').select('webhook_body').where('id', '=', notice.id).executeTakeFirstOrThrow();
    expect(stored.webhook_body).not.toContain(token);
    const path = payload.meta.unsubscribe.slice(PUBLIC.length);
    expect((await anonymous({ method: 'GET', url: path })).body).toContain(receiverUrl);
    expect((await anonymous({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode).toBe(200);
    const hook = await service.db.selectFrom('status_subscribers').select('unsubscribed_at').where('url', '=', receiverUrl).executeTakeFirstOrThrow();
    expect(hook.unsubscribed_at).not.toBeNull();
  });

  it('lets a signed-in customer subscribe their own address from the portal, without confirmation', async () => {
    const none = await service.request(RILEY, { method: 'GET', url: '/api/v1/status/subscriptions' });
    expect(none.statusCode).toBe(200);
    expect(none.json().subscription).toBeNull();
    expect(none.json().components.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(Object.values(components)));
    const put = await service.request(RILEY, { method: 'PUT', url: '/api/v1/status/subscriptions', payload: { component_ids: [components['h4-voice']] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().subscription).toMatchObject({ email: RILEY, component_ids: [components['h4-voice']] });
    const unknown = await service.request(RILEY, { method: 'PUT', url: '/api/v1/status/subscriptions', payload: { component_ids: ['7d9f2c1e-4b8a-4f3e-9c21-0a5b6c7d8e9f'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe('body.component_ids.0');

    inbox.length = 0;
    await openIncident('Voice latency', 'h4-voice');
    await openIncident('Mail bounces', 'h4-mail');
    await deliver();
    expect(mailsTo(RILEY).map((m) => m.subject)).toEqual([expect.stringContaining('Voice latency')]);

    const del = await service.request(RILEY, { method: 'DELETE', url: '/api/v1/status/subscriptions' });
    expect(del.statusCode).toBe(204);
    expect((await service.request(RILEY, { method: 'GET', url: '/api/v1/status/subscriptions' })).json().subscription).toBeNull();
  });

  it('tells nobody of a draft until it is published, nor of an update sent with notify: false', async () => {
    inbox.length = 0;
    const draft = await openIncident('Voice alarms', 'h4-voice', { draft: true });
    await deliver();
    expect(mailsTo('bruno@example.test')).toEqual([]);
    service.clock.set(service.clock.now() + 60_000);
    const quiet = await service.request(AGENT, { method: 'POST', url: `/api/v1/incidents/${draft.id}/updates`, payload: { status: 'identified', body: 'Quietly.', notify: false } });
    expect(quiet.statusCode, quiet.body).toBe(200);
    const published = await service.request(AGENT, { method: 'PATCH', url: `/api/v1/incidents/${draft.id}`, payload: { draft: false } });
    expect(published.statusCode, published.body).toBe(200);
    await deliver();
    expect(mailsTo('bruno@example.test').map((m) => m.subject)).toEqual([expect.stringContaining('Voice alarms')]);
    expect(mailsTo('bruno@example.test')[0]!.text).toContain('Quietly.');
  });

  it('forgets an unconfirmed request after its window, and never mails it', async () => {
    expect((await subscribers('carol@example.test')).length).toBe(1);
    service.clock.set(service.clock.now() + 49 * HOUR);
    await deliver();
    expect(await subscribers('carol@example.test')).toEqual([]);
    expect(mailsTo('carol@example.test').filter((m) => !m.subject?.startsWith('Confirm'))).toEqual([]);
  });

  it('bounds the requests of one client address', async () => {
    let last = await anonymous({ method: 'POST', url: '/status/subscriptions', remoteAddress: '203.0.113.7', payload: { email: 'many@example.test' } });
    for (let i = 0; i < 25 && last.statusCode !== 429; i++) last = await anonymous({ method: 'POST', url: '/status/subscriptions', remoteAddress: '203.0.113.7', payload: { email: 'many@example.test' } });
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json().error.message).toMatch(/^Too many requests from your address/);
    // At most three confirmation mails an hour to one address, however many requests.
    inbox.length = 0;
    await deliver();
    expect(mailsTo('many@example.test').length).toBe(3);
  });
});

describe.each(DATABASE_KINDS)('notices sent once by workers sweeping together on %s', (kind) => {
  let service: WorkflowService;
  let smtp: SmtpInbox;
  let other: Workflow;
  let inbox: ParsedMail[] = [];

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    inbox = smtp.messages;
    const smtpUrl = smtp.url;
    service = await startWorkflowService(kind, '2026-11-20T16:00:00Z', { smtpUrl });
    // A second worker on the same database, as another process would run it.
    other = createWorkflow({
      db: service.db,
      clock: service.clock,
      registry: await loadShippedCatalog(),
      workerId: `second-${kind}`,
      settings: { smtpUrl, supportAddress: 'support@desk.example.test', publicUrl: PUBLIC },
    });
  });
  afterAll(async () => {
    await other?.stop();
    await service?.close();
    await smtp?.close();
  });

  it('mails each of 40 subscribers exactly once while two workers deliver at the same time', async () => {
    const made = await service.request(ADMIN, { method: 'POST', url: '/api/v1/status/components', payload: { key: 'h4-sms', name: 'SMS API' } });
    expect(made.statusCode, made.body).toBe(201);
    const providerId = (await statusProvider(service.db))!.id;
    const now = new Date(service.clock.now());
    const addresses = Array.from({ length: 40 }, (_, i) => `reader${i}@example.test`);
    await service.db
      .insertInto('status_subscribers')
      .values(addresses.map((email) => ({ provider_id: providerId, kind: 'email' as const, email, component_ids: null, locale: 'en' as const, confirmed_at: now, created_at: now, updated_at: now })))
      .execute();
    const incident = await service.request(AGENT, {
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { name: 'SMS delayed', status: 'investigating', impact: 'minor', body: 'Looking into it.', components: [{ id: made.json().id, status: 'degraded_performance' }] },
    });
    expect(incident.statusCode, incident.body).toBe(201);
    await Promise.all([service.workflow.runDue(service.clock.now()), other.runDue(service.clock.now()), service.workflow.runDue(service.clock.now())]);
    const received = inbox.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address).sort();
    expect(received).toEqual([...addresses].sort());
    expect(new Set(inbox.map((m) => m.messageId)).size).toBe(40);
    const logged = await service.db.selectFrom('mail_log').select('idempotency_key').where('event', '=', 'status_notice').execute();
    expect(logged).toHaveLength(40);
  });
});
