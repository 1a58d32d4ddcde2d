import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const HOUR = 3_600_000;
const DIALOG_CUSTOMER = 'frieda@elmtree-retail.example'; // 360dialog standard
const TWILIO_PREMIUM = 'dana@cobalt-freight.example';
const sid = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32, '0')}`;

describe.each(DATABASE_KINDS)('intake forms and demo data on %s', (kind) => {
  let service: TestService;
  let dialog: string;
  let twilio: string;
  /** 360dialog critical and urgent are for the production environment. */
  let dialogProduction: string;

  beforeAll(async () => {
    service = await startTestService(kind, { seedTickets: true });
    dialog = await service.signIn(DIALOG_CUSTOMER);
    twilio = await service.signIn(TWILIO_PREMIUM);
    const account = (await service.request(dialog, { method: 'GET', url: '/api/v1/accounts' })).json().items[0];
    dialogProduction = account.projects.find((p: { production: boolean }) => p.production).id;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('seeds demo tickets in every status, with stored targets', async () => {
    const rows = await service.db.selectFrom('tickets').select(['status']).execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']));
    const targets = await service.db.selectFrom('sla_targets').select('state').execute();
    expect(targets.map((t) => t.state)).toEqual(expect.arrayContaining(['active', 'met', 'none']));
    const agent = await service.signIn(AGENT);
    const reclassified = (await service.request(agent, { method: 'GET', url: '/api/v1/tickets?q=carrier' })).json().items[0];
    const events = (await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${reclassified.id}/events` })).json().items;
    expect(events.find((e: { type: string }) => e.type === 'reclassified')).toMatchObject({ reason: expect.stringContaining('carrier') });
  });

  it('serves the intake forms of a pack as data', async () => {
    const response = await service.request(null, { method: 'GET', url: '/api/v1/intake-forms?pack=twilio' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ pack_id: 'twilio', clock_start: 'on_create' });
    const voice = body.forms.find((f: { id: string }) => f.id === 'voice');
    expect(voice.fields.find((f: { id: string }) => f.id === 'call_sids')).toMatchObject({ type: 'sid_list', sid_prefixes: ['CA'], examples: { min: 2, max: 3 } });
    const unknown = await service.request(null, { method: 'GET', url: '/api/v1/intake-forms?pack=acme' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ path: 'querystring.pack' });
  });

  it('refuses malformed intake values field by field (422 with paths)', async () => {
    service.clock.set(START);
    const response = await service.request(twilio, {
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { subject: 'Dropped calls', description: 'Calls drop after 30 s', product: 'voice', intake: { description: 'drops', call_sids: ['CA123', sid('SM', 1)] } },
    });
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe('intake_invalid');
    expect(error.issues.every((i: { path: string }) => i.path.startsWith('body.intake'))).toBe(true);
    expect(error.issues.map((i: { path: string }) => i.path)).toContain('body.intake.call_sids');
    const unknownForm = await service.request(twilio, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', description: 'y', product: 'fax' } });
    expect(unknownForm.statusCode).toBe(422);
    expect(unknownForm.json().error.issues[0].path).toBe('body.product');
  });

  it('starts the clock of a 360dialog ticket only when its intake is complete', async () => {
    service.clock.set(Date.parse('2026-03-03T10:00:00+01:00')); // Tuesday 10:00 Berlin
    const created = await service.request(dialog, {
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { subject: 'Messages not delivered', description: 'Nothing reaches Germany.', priority: 'urgent', project_id: dialogProduction, product: 'messaging', intake: { phone_number: '+49 30 5555 0100' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json();
    expect(ticket).toMatchObject({ intake_complete: false, clock_started_at: null });
    expect(ticket.targets[0]).toMatchObject({ metric: 'first_response', state: 'none', none_reason: 'intake_incomplete' });
    expect(ticket.warnings.length).toBeGreaterThan(0);

    service.clock.advance(2 * HOUR);
    const completed = await service.request(dialog, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}`,
      payload: {
        intake: {
          phone_number: '+49 30 5555 0100',
          description: 'Since 08:00 nothing reaches German numbers.',
          message_ids: 'wamid.1, wamid.2',
          occurred_at: '2026-03-03T09:30:00+01:00',
        },
      },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ intake_complete: true, intake_completed_at: '2026-03-03T11:00:00.000Z' });
    expect(completed.json().targets[0]).toMatchObject({ state: 'active', started_at: '2026-03-03T11:00:00.000Z', due_at: '2026-03-03T19:00:00.000Z' });
  });

  it('lets a 360dialog ticket filed without a topic choose one later, starting its clock then', async () => {
    service.clock.set(Date.parse('2026-03-04T09:00:00+01:00')); // Wednesday 09:00 Berlin
    const created = await service.request(dialog, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Porting stuck', description: 'Our number migration stopped.', priority: 'critical', project_id: dialogProduction } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().targets[0]).toMatchObject({ state: 'none', none_reason: 'intake_incomplete' });
    expect(created.json().warnings[0].path).toBe('body.product');
    service.clock.advance(HOUR);
    const chosen = await service.request(dialog, {
      method: 'PATCH',
      url: `/api/v1/tickets/${created.json().id}`,
      payload: { product: 'number_porting', intake: { phone_number: '+49 30 5555 0142', description: 'Stuck at verification.', previous_provider: 'Example Telecom' } },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ product: 'number_porting', intake_complete: true });
    expect(chosen.json().targets[0]).toMatchObject({ state: 'active', started_at: '2026-03-04T09:00:00.000Z', due_at: '2026-03-04T13:00:00.000Z' });
    const events = (await service.request(dialog, { method: 'GET', url: `/api/v1/tickets/${created.json().id}/events` })).json().items;
    expect(events.at(-1)).toMatchObject({ type: 'updated', before: { product: null }, after: { product: 'number_porting' } });
  });
});
