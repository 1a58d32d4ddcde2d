import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER_A, CUSTOMER_B, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

// The SLA rules of the shipped packs driven through the HTTP API on a fixed clock.
// Nov 2026: Fri 20, Mon 23, Tue 24 (America/Los_Angeles is -08:00, Europe/Berlin +01:00, Asia/Kolkata +05:30).
const FREE = 'casey@pebble-hobby.example'; // twilio free
const DIALOG_STANDARD = 'frieda@elmtree-retail.example'; // 360dialog standard
const EXOTEL_ENTERPRISE = 'ishaan@harbour-mobility.example'; // exotel enterprise

const utc = (iso: string) => new Date(iso).toISOString();
const HOUR = 3_600_000;

interface Target {
  metric: string;
  state: string;
  none_reason: string | null;
  due_at: string | null;
  met_at: string | null;
  breached_at: string | null;
  warning_at: string | null;
  time_left_ms: number | null;
  overdue_ms: number | null;
  calendar_id: string | null;
}

describe.each(DATABASE_KINDS)('SLA clocks through the API on %s', (kind) => {
  let service: TestService;
  let agent: string;
  const projects = new Map<string, { production: string; staging: string }>();

  const sessions = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService(kind);
    // Sessions last a week: sign in just before the week the scenarios play in.
    service.clock.set(Date.parse('2026-11-19T00:00:00Z'));
    agent = await service.signIn(AGENT);
  });
  afterAll(async () => {
    await service?.close();
  });

  async function customer(email: string): Promise<string> {
    const known = sessions.get(email);
    if (known) return known;
    const clock = service.clock.now();
    service.clock.set(Date.parse('2026-11-19T00:00:00Z'));
    const session = await service.signIn(email);
    service.clock.set(clock);
    sessions.set(email, session);
    {
      const account = (await service.request(session, { method: 'GET', url: '/api/v1/accounts' })).json().items[0];
      const byName = (name: string) => account.projects.find((p: { name: string }) => p.name === name).id as string;
      projects.set(email, { production: byName('Production'), staging: byName('Staging') });
    }
    return session;
  }

  const at = (iso: string) => service.clock.set(Date.parse(iso));
  const open = (session: string, payload: Record<string, unknown>) =>
    // In English whatever language the customer reads the desk in: refusals below are checked in English.
    service.request(session, { method: 'POST', url: '/api/v1/tickets', headers: { 'accept-language': 'en' }, payload: { subject: 'Calls fail', description: 'Since this morning.', ...payload } });
  const patch = (session: string, id: string, payload: Record<string, unknown>) =>
    service.request(session, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload });
  const comment = (session: string, id: string, payload: Record<string, unknown>) =>
    service.request(session, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload });
  async function targets(id: string): Promise<Record<string, Target>> {
    const response = await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${id}` });
    expect(response.statusCode).toBe(200);
    return Object.fromEntries(response.json().targets.map((t: Target) => [t.metric, t]));
  }

  describe('twilio bootstrap P2 opened Friday 16:30 PT', () => {
    let id: string;

    it('is due Monday 08:30 PT, warned at Monday 07:30', async () => {
      const riley = await customer(CUSTOMER_A);
      at('2026-11-20T16:30:00-08:00');
      const created = await open(riley, { priority: 'P2', project_id: projects.get(CUSTOMER_A)!.production });
      expect(created.statusCode).toBe(201);
      id = created.json().id;
      expect(created.json().targets).toEqual([
        expect.objectContaining({
          metric: 'first_response',
          state: 'active',
          calendar_id: 'twilio-business-hours',
          due_at: utc('2026-11-23T08:30:00-08:00'),
          warning_at: utc('2026-11-23T07:30:00-08:00'),
          time_left_ms: 4 * HOUR,
        }),
      ]);
    });

    it('pending from Monday 07:00 pauses the clock with 1.5h left', async () => {
      at('2026-11-23T07:00:00-08:00');
      const pending = await patch(agent, id, { status: 'pending' });
      expect(pending.statusCode).toBe(200);
      at('2026-11-23T12:00:00-08:00');
      expect((await targets(id)).first_response).toMatchObject({ state: 'paused', due_at: null, time_left_ms: 1.5 * HOUR });
    });

    it('the customer’s reply on Tuesday 07:00 reopens it: due Tuesday 08:30, 12 business hours later', async () => {
      at('2026-11-24T07:00:00-08:00');
      const reply = await comment(await customer(CUSTOMER_A), id, { body: 'Here are the call SIDs you asked for.' });
      expect(reply.statusCode).toBe(201);
      at('2026-11-24T07:30:00-08:00');
      const view = await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${id}` });
      expect(view.json().status).toBe('open');
      expect(view.json().targets[0]).toMatchObject({ state: 'active', due_at: utc('2026-11-24T08:30:00-08:00'), time_left_ms: HOUR });
    });

    it('explains the due time with its open segments, the night and the pause', async () => {
      const response = await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${id}/targets/first_response/explain` });
      expect(response.statusCode).toBe(200);
      const explanation = response.json();
      expect(explanation.due).toBe(utc('2026-11-24T08:30:00-08:00'));
      expect(explanation.open.map((s: { local_start: string; local_end: string }) => [s.local_start, s.local_end])).toEqual([
        ['2026-11-20T16:30:00-08:00', '2026-11-20T18:00:00-08:00'],
        ['2026-11-23T06:00:00-08:00', '2026-11-23T07:00:00-08:00'],
        ['2026-11-24T07:00:00-08:00', '2026-11-24T08:30:00-08:00'],
      ]);
      const reasons = explanation.closed.map((c: { reason: string; name: string | null }) => [c.reason, c.name]);
      expect(reasons).toContainEqual(['paused', 'pending']);
      expect(reasons).toContainEqual(['weekend', null]);
    });

    it('an internal note does not meet it; a public agent reply does', async () => {
      at('2026-11-24T08:00:00-08:00');
      expect((await comment(agent, id, { body: 'Checking carrier logs.', public: false })).statusCode).toBe(201);
      expect((await targets(id)).first_response).toMatchObject({ state: 'active', met_at: null });
      at('2026-11-24T08:10:00-08:00');
      expect((await comment(agent, id, { body: 'We found the cause and are fixing it.' })).statusCode).toBe(201);
      at('2026-11-24T09:00:00-08:00');
      expect((await targets(id)).first_response).toMatchObject({ state: 'met', met_at: utc('2026-11-24T08:10:00-08:00'), breached_at: null });
    });
  });

  describe('priorities', () => {
    it('a customer cannot choose P1 for a non-production project: the error names the field and the fix', async () => {
      const riley = await customer(CUSTOMER_A);
      at('2026-11-23T09:00:00-08:00');
      const response = await open(riley, { priority: 'P1', project_id: projects.get(CUSTOMER_A)!.staging });
      expect(response.statusCode).toBe(422);
      const error = response.json().error;
      expect(error.code).toBe('priority_restricted');
      expect(error.issues).toEqual([
        {
          path: 'body.priority',
          message: expect.stringContaining(
            'P1 (Business Critical) is only for production projects, and project "Staging" is not a production project. Priority 1 is only available for production applications; it does not include development issues or problems in staging environments. Choose P3 (General Issue) instead',
          ),
        },
      ]);
    });

    it('without a priority the ticket gets the pack default, P3', async () => {
      at('2026-11-23T09:00:00-08:00');
      const response = await open(await customer(CUSTOMER_A), {});
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ priority: 'P3', targets: [{ due_at: utc('2026-11-23T17:00:00-08:00') }] });
    });

    it('reclassifying P3 to P1 needs a reason and recomputes from the original start', async () => {
      at('2026-11-20T16:30:00-08:00');
      const created = await open(await customer(CUSTOMER_A), { project_id: projects.get(CUSTOMER_A)!.production });
      const id = created.json().id;
      expect(created.json().targets[0].due_at).toBe(utc('2026-11-23T12:30:00-08:00'));

      at('2026-11-23T07:00:00-08:00');
      const url = `/api/v1/tickets/${id}/reclassify`;
      const noReason = await service.request(agent, { method: 'POST', url, payload: { priority: 'P1' } });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().error).toMatchObject({ code: 'reclassify_reason_required', issues: [{ path: 'body.reason' }] });
      const byCustomer = await service.request(await customer(CUSTOMER_A), { method: 'POST', url, payload: { priority: 'P1', reason: 'Urgent' } });
      expect(byCustomer.statusCode).toBe(403);

      const raised = await service.request(agent, { method: 'POST', url, payload: { priority: 'P1', reason: 'Production outage confirmed' } });
      expect(raised.statusCode).toBe(200);
      expect(raised.json().targets[0]).toMatchObject({
        state: 'breached',
        due_at: utc('2026-11-23T06:30:00-08:00'),
        breached_at: utc('2026-11-23T06:30:00-08:00'),
        overdue_ms: 0.5 * HOUR,
      });
      const events = (await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${id}/events` })).json().items;
      expect(events).toContainEqual(expect.objectContaining({ type: 'reclassified', reason: 'Production outage confirmed' }));
    });
  });

  describe('status rules', () => {
    it('refuses an illegal move and names the allowed next statuses', async () => {
      at('2026-11-23T09:00:00-08:00');
      const id = (await open(await customer(CUSTOMER_A), {})).json().id;
      const response = await patch(agent, id, { status: 'closed' });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.issues[0].message).toContain('From new you can move it to: open, pending, on_hold, solved.');
      const byCustomer = await patch(await customer(CUSTOMER_A), id, { status: 'pending' });
      expect(byCustomer.statusCode).toBe(403);
      expect(byCustomer.json().error.issues[0].message).toContain('From new you can move it to: solved.');
    });
  });

  describe('targets without a guarantee', () => {
    it('twilio free carries none', async () => {
      at('2026-11-23T09:00:00-08:00');
      const response = await open(await customer(FREE), { priority: 'P2', project_id: projects.get(FREE)!.production });
      expect(response.json().targets).toEqual([expect.objectContaining({ state: 'none', none_reason: 'no_target', due_at: null })]);
    });

    it('the chat channel carries none', async () => {
      at('2026-11-23T09:00:00-08:00');
      const response = await open(await customer(CUSTOMER_B), { priority: 'P2', channel: 'chat', project_id: projects.get(CUSTOMER_B)!.production });
      expect(response.statusCode).toBe(201);
      expect(response.json().targets).toEqual([expect.objectContaining({ state: 'none', none_reason: 'channel_without_sla', due_at: null })]);
    });
  });

  describe('360dialog starts the clock when the intake is complete', () => {
    it("gives an incomplete ticket's notes in the reader's language: German by Accept-Language, the customer's profile otherwise", async () => {
      const frieda = await customer(DIALOG_STANDARD);
      at('2026-11-20T20:00:00+01:00');
      const payload = {
        subject: 'Portierung hängt',
        description: 'Seit Montag.',
        priority: 'critical',
        project_id: projects.get(DIALOG_STANDARD)!.production,
        product: 'number_porting',
        intake: { phone_number: '+49 30 901820', description: 'Die Portierung hängt seit Montag.' },
      };
      const note = (response: { json(): { warnings: { path: string; message: string }[] } }) =>
        response.json().warnings.find((w) => w.path === 'body.intake.previous_provider')?.message;
      const german = await service.request(frieda, { method: 'POST', url: '/api/v1/tickets', headers: { 'accept-language': 'de' }, payload });
      expect(german.statusCode).toBe(201);
      expect(note(german)).toMatch(/ ist ein Pflichtfeld\./);
      const english = await open(frieda, payload);
      expect(note(english)).toMatch(/ is required\./);
      const portuguese = await service.request(frieda, { method: 'POST', url: '/api/v1/tickets', headers: { 'accept-language': 'pt-BR' }, payload });
      expect(note(portuguese)).not.toBe(note(english));
      expect(note(portuguese)).not.toBe(note(german));

      const { product: _product, intake: _intake, ...noTopic } = payload;
      const untopical = await service.request(frieda, { method: 'POST', url: '/api/v1/tickets', headers: { 'accept-language': 'de' }, payload: noTopic });
      expect(untopical.statusCode).toBe(201);
      expect(untopical.json().warnings).toEqual([
        { path: 'body.product', severity: 'warning', message: expect.stringMatching(/^Noch läuft keine Antwortzeit: .* Wählen Sie, worum es im Ticket geht \(.+ oder .+\), und ergänzen Sie die Angaben\.$/) },
      ]);
    });

    it('an incomplete ticket has no due time until its details are filled in; then it runs from that moment', async () => {
      const frieda = await customer(DIALOG_STANDARD);
      at('2026-11-20T20:00:00+01:00');
      const created = await open(frieda, {
        priority: 'critical',
        project_id: projects.get(DIALOG_STANDARD)!.production,
        product: 'number_porting',
        intake: { phone_number: '+49 30 901820', description: 'The migration has been stuck since Monday.' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ intake_complete: false, intake_completed_at: null });
      expect(created.json().targets).toEqual([expect.objectContaining({ state: 'none', none_reason: 'intake_incomplete', due_at: null })]);
      expect(created.json().warnings).toContainEqual(expect.objectContaining({ path: 'body.intake.previous_provider', severity: 'warning' }));

      at('2026-11-20T21:00:00+01:00');
      const completed = await patch(frieda, created.json().id, {
        intake: { phone_number: '+49 30 901820', description: 'The migration has been stuck since Monday.', previous_provider: 'Example Telecom' },
      });
      expect(completed.statusCode).toBe(200);
      expect(completed.json()).toMatchObject({ intake_complete: true, intake_completed_at: utc('2026-11-20T21:00:00+01:00') });
      // 4h of Mon–Fri 02:00–22:00 Berlin: 1h on Friday, 3h from Monday 02:00.
      expect(completed.json().targets[0]).toMatchObject({ state: 'active', due_at: utc('2026-11-23T05:00:00+01:00') });
    });

    it('a malformed value is a hard error even before the intake is complete', async () => {
      at('2026-11-20T20:00:00+01:00');
      const response = await open(await customer(DIALOG_STANDARD), {
        product: 'number_porting',
        intake: { phone_number: '030 901820', description: 'Stuck.' },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.issues).toContainEqual(
        expect.objectContaining({ path: 'body.intake.phone_number', message: expect.stringContaining('international format') }),
      );
    });
  });

  describe('exotel enterprise: acknowledgment and response around the clock', () => {
    it('acknowledgment is due 30 minutes after creation and met by an acknowledgment; response runs on', async () => {
      const ishaan = await customer(EXOTEL_ENTERPRISE);
      at('2026-11-22T02:00:00+05:30');
      const created = await open(ishaan, { priority: 'sev1' });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const first = Object.fromEntries(created.json().targets.map((t: Target) => [t.metric, t]));
      expect(first.acknowledgment).toMatchObject({ state: 'active', calendar_id: '24x7', due_at: utc('2026-11-22T02:30:00+05:30') });
      expect(first.response).toMatchObject({ state: 'active', due_at: utc('2026-11-22T04:00:00+05:30') });

      at('2026-11-22T02:10:00+05:30');
      const ack = await service.request(agent, { method: 'POST', url: `/api/v1/tickets/${id}/acknowledge` });
      expect(ack.statusCode).toBe(200);
      at('2026-11-22T04:30:00+05:30');
      const later = await targets(id);
      expect(later.acknowledgment).toMatchObject({ state: 'met', met_at: utc('2026-11-22T02:10:00+05:30') });
      expect(later.response).toMatchObject({ state: 'breached', breached_at: utc('2026-11-22T04:00:00+05:30'), overdue_ms: 0.5 * HOUR });
    });
  });
});
