import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundSmtp } from '../src/notify/index.js';
import { startInboundMail } from '../src/mail-in/index.js';
import { AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';
import { FakeDns } from './support/mail-auth.js';

// The rules the policy packs state, enforced through the HTTP API: production-only priorities,
// the channels and languages a provider offers, Exotel's targets on chat and its next update,
// and Twilio's messaging intake (48-hour short form, MMS SIDs).
const DIALOG_STANDARD = 'frieda@elmtree-retail.example'; // 360dialog standard
const EXOTEL_SME = 'jaya@indigo-clinics.example'; // exotel sme
const EXOTEL_ENTERPRISE = 'ishaan@harbour-mobility.example'; // exotel enterprise

const utc = (iso: string) => new Date(iso).toISOString();
const SMS = 'SMc0e4cbf8ff6e2c9f08fdc0f874710ad1';
const MMS = ['MMc0e4cbf8ff6e2c9f08fdc0f874710ad1', 'MM1f28b6c011f2be4c1f12349857786b45'];

interface Target {
  metric: string;
  state: string;
  none_reason: string | null;
  started_at: string | null;
  due_at: string | null;
  met_at: string | null;
  breached_at: string | null;
}

describe.each(DATABASE_KINDS)('pack rules through the API on %s', (kind) => {
  let service: TestService;
  let agent: string;
  const sessions = new Map<string, string>();
  const projects = new Map<string, { production: string; staging: string }>();

  beforeAll(async () => {
    service = await startTestService(kind);
    service.clock.set(Date.parse('2026-11-19T00:00:00Z'));
    agent = await service.signIn(AGENT);
    for (const email of [CUSTOMER_A, DIALOG_STANDARD, EXOTEL_SME, EXOTEL_ENTERPRISE]) {
      const session = await service.signIn(email);
      sessions.set(email, session);
      const account = (await service.request(session, { method: 'GET', url: '/api/v1/accounts' })).json().items[0];
      const byName = (name: string) => account.projects.find((p: { name: string }) => p.name === name).id as string;
      projects.set(email, { production: byName('Production'), staging: byName('Staging') });
    }
  });
  afterAll(async () => {
    await service?.close();
  });

  const as = (email: string) => sessions.get(email)!;
  const project = (email: string, which: 'production' | 'staging') => projects.get(email)![which];
  const at = (iso: string) => service.clock.set(Date.parse(iso));
  const open = (email: string, payload: Record<string, unknown>) =>
    // In English whatever language the customer reads the desk in: the refusals below are the English texts.
    service.request(as(email), { method: 'POST', url: '/api/v1/tickets', headers: { 'accept-language': 'en' }, payload: { subject: 'Calls fail', description: 'Since this morning.', ...payload } });
  const byMetric = (targets: Target[]) => Object.fromEntries(targets.map((t) => [t.metric, t]));
  async function targets(id: string): Promise<Record<string, Target>> {
    const response = await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${id}` });
    expect(response.statusCode).toBe(200);
    return byMetric(response.json().targets);
  }

  describe('production-only priorities', () => {
    it('twilio P2 outside production is refused with the pack’s reason; in production it is accepted', async () => {
      at('2026-11-23T09:00:00-08:00');
      const staging = await open(CUSTOMER_A, { priority: 'P2', project_id: project(CUSTOMER_A, 'staging') });
      expect(staging.statusCode).toBe(422);
      expect(staging.json().error).toMatchObject({
        code: 'priority_restricted',
        issues: [
          {
            path: 'body.priority',
            message:
              'P2 (Degraded Service) is only for production projects, and project "Staging" is not a production project. Priority 2 does not include development issues or problems in staging environments. Choose P3 (General Issue) instead, or file the ticket for a production project.',
          },
        ],
      });
      const noProject = await open(CUSTOMER_A, { priority: 'P2' });
      expect(noProject.json().error.issues[0].message).toContain('the ticket names no production project');
      const production = await open(CUSTOMER_A, { priority: 'P2', project_id: project(CUSTOMER_A, 'production') });
      expect(production.statusCode).toBe(201);
      expect(production.json()).toMatchObject({ priority: 'P2' });
    });

    it('an agent cannot raise a non-production ticket to P2, nor move a P2 ticket to a staging project', async () => {
      at('2026-11-23T09:00:00-08:00');
      const staging = (await open(CUSTOMER_A, { project_id: project(CUSTOMER_A, 'staging') })).json();
      expect(staging.priority).toBe('P3');
      const url = `/api/v1/tickets/${staging.id}/reclassify`;
      const raised = await service.request(agent, { method: 'POST', url, payload: { priority: 'P2', reason: 'Looks like degraded service' } });
      expect(raised.statusCode).toBe(422);
      expect(raised.json().error).toMatchObject({
        code: 'priority_restricted',
        issues: [{ path: 'body.priority', message: expect.stringContaining('Priority 2 does not include development issues or problems in staging environments.') }],
      });
      expect((await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${staging.id}` })).json().priority).toBe('P3');

      const live = (await open(CUSTOMER_A, { project_id: project(CUSTOMER_A, 'production') })).json();
      const ok = await service.request(agent, { method: 'POST', url: `/api/v1/tickets/${live.id}/reclassify`, payload: { priority: 'P2', reason: 'Delivery delayed for all customers' } });
      expect(ok.statusCode).toBe(200);
      const moved = await service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${live.id}`, payload: { project_id: project(CUSTOMER_A, 'staging') } });
      expect(moved.statusCode).toBe(422);
      expect(moved.json().error.issues).toEqual([{ path: 'body.project_id', message: expect.stringContaining('Reclassify the ticket to a priority for any project first') }]);
    });

    it('360dialog urgent and critical outside production are refused; standard is not', async () => {
      at('2026-11-23T10:00:00+01:00');
      for (const priority of ['urgent', 'critical']) {
        const response = await open(DIALOG_STANDARD, { priority, project_id: project(DIALOG_STANDARD, 'staging') });
        expect(response.statusCode).toBe(422);
        expect(response.json().error.issues).toEqual([
          { path: 'body.priority', message: expect.stringMatching(/is not a production project\. (Urgent|Critical) is defined on .*production environment; problems elsewhere are Standard\. Choose standard \(Standard\) instead/) },
        ]);
      }
      expect((await open(DIALOG_STANDARD, { priority: 'urgent', project_id: project(DIALOG_STANDARD, 'production') })).statusCode).toBe(201);
      expect((await open(DIALOG_STANDARD, { priority: 'standard', project_id: project(DIALOG_STANDARD, 'staging') })).statusCode).toBe(201);
    });
  });

  describe('channels and languages the pack offers', () => {
    it('360dialog: a phone or email ticket is refused at body.channel, listing the channels there are', async () => {
      at('2026-11-23T10:00:00+01:00');
      for (const channel of ['phone', 'email']) {
        const response = await service.request(agent, {
          method: 'POST',
          url: '/api/v1/tickets',
          payload: { subject: 'Called in', description: 'By phone.', account_id: await accountOf(DIALOG_STANDARD), requester_id: await userOf(DIALOG_STANDARD), channel },
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.issues).toEqual([
          {
            path: 'body.channel',
            message: `This support policy takes tickets only through the web portal (web) or the API (api); "${channel}" is not one of them. Open the ticket through one of them instead.`,
          },
        ]);
      }
      expect((await open(DIALOG_STANDARD, { channel: 'web' })).statusCode).toBe(201);
    });

    it('360dialog: a French ticket is refused at body.language, listing the languages; Portuguese is accepted', async () => {
      at('2026-11-23T10:00:00+01:00');
      const french = await open(DIALOG_STANDARD, { language: 'fr' });
      expect(french.statusCode).toBe(400);
      expect(french.json().error.issues).toEqual([
        {
          path: 'body.language',
          message:
            'Support under this policy is offered in English (en), Brazilian Portuguese (pt-BR), German (de), Spanish (es) or Russian (ru); "fr" is not one of them. Choose one of en, pt-BR, de, es, ru.',
        },
      ]);
      const portuguese = await open(DIALOG_STANDARD, { language: 'pt-BR' });
      expect(portuguese.statusCode).toBe(201);
      const changed = await service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${portuguese.json().id}`, payload: { language: 'fr' } });
      expect(changed.statusCode).toBe(400);
      expect(changed.json().error.issues[0]).toMatchObject({ path: 'body.language', message: expect.stringContaining('"fr" is not one of them') });
    });

    async function accountOf(email: string): Promise<string> {
      return (await service.request(as(email), { method: 'GET', url: '/api/v1/accounts' })).json().items[0].id;
    }
    async function userOf(email: string): Promise<string> {
      return (await service.request(as(email), { method: 'GET', url: '/api/v1/me' })).json().id;
    }
  });

  describe('exotel: chat and WhatsApp carry the targets, with further updates', () => {
    it('a chat (WhatsApp) ticket at 21:45 IST on the SME plan runs its clocks into the next morning', async () => {
      at('2026-11-21T21:45:00+05:30');
      const created = await open(EXOTEL_SME, { priority: 'sev1', channel: 'chat', project_id: project(EXOTEL_SME, 'production') });
      expect(created.statusCode).toBe(201);
      const view = byMetric(created.json().targets);
      // 08:00–22:00 every day: 15 minutes on Saturday, the rest from 08:00 on Sunday.
      expect(view.acknowledgment).toMatchObject({ state: 'active', due_at: utc('2026-11-22T08:15:00+05:30') });
      expect(view.response).toMatchObject({ state: 'active', due_at: utc('2026-11-22T09:45:00+05:30') });
      expect(view.next_update).toMatchObject({ state: 'none', none_reason: 'awaiting_first_response' });
    });

    it('next_update is due a time frame after each public reply, met by the next one, and by solving in time', async () => {
      at('2026-11-23T10:00:00+05:30');
      const id = (await open(EXOTEL_ENTERPRISE, { priority: 'sev2', channel: 'chat' })).json().id as string;
      const reply = (body: string) => service.request(agent, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload: { body, public: true } });

      at('2026-11-23T10:20:00+05:30');
      expect((await reply('We are looking at the server logs.')).statusCode).toBe(201);
      at('2026-11-23T15:00:00+05:30');
      const first = await targets(id);
      expect(first.response).toMatchObject({ state: 'met', met_at: utc('2026-11-23T10:20:00+05:30') });
      expect(first.next_update).toMatchObject({ state: 'active', started_at: utc('2026-11-23T10:20:00+05:30'), due_at: utc('2026-11-23T15:20:00+05:30') });

      // An internal note is no update.
      await service.request(agent, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload: { body: 'Carrier ticket opened.', public: false } });
      expect((await targets(id)).next_update!.due_at).toBe(utc('2026-11-23T15:20:00+05:30'));

      expect((await reply('The carrier confirmed the delay; a fix is being deployed.')).statusCode).toBe(201);
      at('2026-11-23T16:00:00+05:30'); // past the first due time: the second reply met it
      const second = await targets(id);
      expect(second.next_update).toMatchObject({ state: 'active', started_at: utc('2026-11-23T15:00:00+05:30'), due_at: utc('2026-11-23T20:00:00+05:30'), breached_at: null });
      // The breach timer moved with it: nothing fires at the first due time.
      const timers = await service.db.selectFrom('timers').select(['kind', 'due_at']).where('subject_id', '=', id).where('key', '=', 'next_update').where('state', '=', 'pending').orderBy('due_at').execute();
      expect(timers.map((t) => [t.kind, t.due_at.getTime()])).toEqual([
        ['breach_warning', Date.parse('2026-11-23T18:45:00+05:30')],
        ['breach', Date.parse('2026-11-23T20:00:00+05:30') + 1],
      ]);

      at('2026-11-23T17:00:00+05:30');
      const solved = await service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { status: 'solved' } });
      expect(solved.statusCode).toBe(200);
      at('2026-11-24T09:00:00+05:30');
      expect((await targets(id)).next_update).toMatchObject({ state: 'met', met_at: utc('2026-11-23T17:00:00+05:30'), due_at: utc('2026-11-23T20:00:00+05:30') });
    });

    it('a late update is a breach of next_update', async () => {
      at('2026-11-23T10:00:00+05:30');
      const id = (await open(EXOTEL_ENTERPRISE, { priority: 'sev1', channel: 'chat' })).json().id as string;
      await service.request(agent, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload: { body: 'Investigating.', public: true } });
      at('2026-11-23T12:30:00+05:30');
      expect((await targets(id)).next_update).toMatchObject({ state: 'breached', breached_at: utc('2026-11-23T12:00:00+05:30') });
    });
  });

  describe('twilio messaging intake', () => {
    const messaging = (intake: Record<string, unknown>) => open(CUSTOMER_A, { product: 'messaging', intake: { description: 'Outbound messages are delayed.', ...intake } });

    it('the short form (one message) needs an example from the last 48 hours', async () => {
      at('2026-11-23T12:00:00-08:00');
      const late = await messaging({ message_sids: SMS, examples_at: '2026-11-21T00:00:00-08:00' }); // 60 hours before
      expect(late.statusCode).toBe(422);
      expect(late.json().error.issues).toContainEqual({
        path: 'body.intake.examples_at',
        message:
          'When the example messages were sent is 60 hours before the ticket was opened: the short form needs an example from the last 48 hours. Give a more recent example, or the full details (the examples the form asks for from the last 72 hours).',
      });
      const recent = await messaging({ message_sids: SMS, examples_at: '2026-11-21T14:00:00-08:00' }); // 46 hours before
      expect(recent.statusCode).toBe(201);
      expect(recent.json()).toMatchObject({ intake_complete: true });
      expect(recent.json().warnings).toContainEqual(expect.objectContaining({ path: 'body.intake', message: expect.stringContaining('Filed with the short form') }));
    });

    it('MMS message SIDs (MM…) are message identifiers: 2 of them from 60 hours ago make the full form', async () => {
      at('2026-11-23T12:00:00-08:00');
      const response = await messaging({ message_sids: MMS, examples_at: '2026-11-21T00:00:00-08:00' });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ intake_complete: true });
      expect(response.json().warnings ?? []).toEqual([]);
    });
  });
});

describe.each(DATABASE_KINDS)('mail to a pack without an email channel, through the SMTP listener, on %s', (kind) => {
  const SUPPORT = 'support@desk.example.test';
  let service: TestService;
  let inbound: InboundSmtp;
  let transport: ReturnType<typeof nodemailer.createTransport>;
  // Frieda's domain signs its mail (DKIM) and publishes DMARC, so her mail is authenticated.
  const dns = new FakeDns().dmarc('elmtree-retail.example', 'v=DMARC1; p=reject');
  const dkim = dns.dkimKey('elmtree-retail.example', 'mail');
  const send = (message: SendMailOptions) => transport.sendMail({ from: `Frieda Lang <${DIALOG_STANDARD}>`, to: SUPPORT, dkim, ...message });

  beforeAll(async () => {
    service = await startTestService(kind);
    inbound = await startInboundMail({ db: service.db, clock: service.clock, registry: service.registry }, { port: 0, supportAddress: SUPPORT, resolver: dns.resolver });
    transport = nodemailer.createTransport({ host: inbound.host, port: inbound.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport?.close();
    await inbound?.close();
    await service?.close();
  });

  it('refuses a new 360dialog ticket by email, saying where to open it; a reply by email to a ticket opened in the Hub is kept', async () => {
    const attempt = send({ subject: 'Templates rejected', text: 'All our templates were rejected today.' });
    await expect(attempt).rejects.toMatchObject({ responseCode: 550 });
    await expect(attempt).rejects.toThrow(/only through the web portal \(web\) or the API \(api\); "email" is not one of them/);
    expect(await service.db.selectFrom('tickets').select('id').where('subject', '=', 'Templates rejected').execute()).toEqual([]);

    const frieda = await service.signIn(DIALOG_STANDARD);
    const opened = await service.request(frieda, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Template review', description: 'Opened in the Hub.' } });
    expect(opened.statusCode).toBe(201);
    await send({ subject: `Re: [#${opened.json().number}] Template review`, text: 'Here is the template name: order_update.' });
    const comments = await service.request(frieda, { method: 'GET', url: `/api/v1/tickets/${opened.json().id}/comments` });
    expect(comments.json().items).toContainEqual(expect.objectContaining({ body: 'Here is the template name: order_update.', channel: 'email' }));
  });
});
