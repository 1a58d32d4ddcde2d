import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './support/databases.js';
import { ADMIN, AGENT, startWorkflowService, utc, type WorkflowService } from './support/workflow.js';

const BANK = 'evan@dunmore-bank.example'; // twilio personalized: primary Jordan (LA 06–15), secondary Lena (Berlin 09–18)
const JORDAN = 'jordan.blake@hourglass.example';
const ALEX = 'alex.moreno@hourglass.example'; // follow-the-sun, New York 10–18

describe.each(DATABASE_KINDS)('assignment notifications and out-of-office hand-over on %s', (kind) => {
  let service: WorkflowService;
  const ids = new Map<string, string>();
  let ticketId = '';

  beforeAll(async () => {
    service = await startWorkflowService(kind, '2026-11-23T07:00:00-08:00');
    for (const u of await service.db.selectFrom('users').select(['id', 'email']).execute()) ids.set(u.email, u.id);
  });
  afterAll(async () => {
    await service?.close();
  });

  const assignedEvents = () =>
    service.db.selectFrom('notification_events').select(['recipients', 'payload']).where('ticket_id', '=', ticketId).where('event', '=', 'assigned').orderBy('id').execute();
  const assignedMails = () => service.db.selectFrom('mail_log').selectAll().where('ticket_id', '=', ticketId).where('event', '=', 'assigned').orderBy('id').execute();
  const assign = async (by: string, to: string) => {
    const response = await service.request(by, { method: 'PATCH', url: `/api/v1/tickets/${ticketId}`, payload: { assignee_id: ids.get(to) } });
    expect(response.statusCode, response.body).toBe(200);
  };

  it('emails the assignee routing chose for a new ticket, with its number, subject, priority and due times', async () => {
    const created = await service.request(BANK, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Calls drop after 30s', description: 'Since this morning.' } });
    expect(created.statusCode, created.body).toBe(201);
    ticketId = created.json().id;
    expect(created.json().assignee_id).toBe(ids.get(JORDAN));
    const events = await assignedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.recipients).toEqual([{ user_id: ids.get(JORDAN) }]);
    expect(events[0]!.payload).toMatchObject({ assignee_id: ids.get(JORDAN), reason: expect.stringContaining('primary account manager') });
    await service.travel({ advance: '1m' });
    const mails = await assignedMails();
    expect(mails.map((m) => m.recipients)).toEqual([[JORDAN]]);
    const number = created.json().number;
    expect(mails[0]!.subject).toBe(`[#${number}] Assigned to you: Calls drop after 30s`);
    expect(mails[0]!.text_body).toContain(`(${created.json().priority}) is now yours`);
    expect(mails[0]!.text_body).toMatch(/due Monday 23 November 2026/);
  });

  it('tells a new assignee of a reassignment, but not someone who takes the ticket themselves; preferences can mute it', async () => {
    await assign(AGENT, AGENT);
    expect(await assignedEvents()).toHaveLength(1);
    await assign(AGENT, JORDAN);
    const events = await assignedEvents();
    expect(events).toHaveLength(2);
    expect(events[1]!.payload).toMatchObject({ assignee_id: ids.get(JORDAN), assigned_by: ids.get(AGENT) });
    await service.travel({ advance: '1m' });
    expect(await assignedMails()).toHaveLength(2);

    const muted = await service.request(JORDAN, { method: 'PUT', url: '/api/v1/me/notifications', payload: { assigned: false } });
    expect(muted.statusCode, muted.body).toBe(200);
    await assign(AGENT, AGENT);
    await assign(AGENT, JORDAN);
    await service.travel({ advance: '1m' });
    expect(await assignedEvents()).toHaveLength(3);
    expect(await assignedMails()).toHaveLength(2);
    await service.request(JORDAN, { method: 'PUT', url: '/api/v1/me/notifications', payload: { assigned: true } });
  });

  it('an out-of-office range that starts later hands the unattended tickets over at its start, not before', async () => {
    await service.travel({ to: '2026-11-23T08:00:00-08:00' });
    const added = await service.request(JORDAN, {
      method: 'POST',
      url: `/api/v1/users/${ids.get(JORDAN)}/out-of-office`,
      payload: { starts_at: '2026-11-23T10:00:00-08:00', ends_at: '2026-11-25T18:00:00-08:00', note: 'Dentist, then travel' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().rerouted).toEqual([]);
    const timers = await service.db.selectFrom('timers').select(['kind', 'due_at', 'state']).where('subject_id', '=', added.json().id).execute();
    expect(timers.map((t) => [t.kind, t.due_at.toISOString(), t.state])).toEqual([['out_of_office_start', utc('2026-11-23T10:00:00-08:00'), 'pending']]);

    await service.travel({ to: '2026-11-23T09:59:00-08:00' });
    const before = (await service.request(ADMIN, { method: 'GET', url: `/api/v1/tickets/${ticketId}` })).json();
    expect(before.assignee_id).toBe(ids.get(JORDAN));

    await service.travel({ to: '2026-11-23T10:00:00-08:00' });
    const after = (await service.request(ADMIN, { method: 'GET', url: `/api/v1/tickets/${ticketId}` })).json();
    expect(after.assignee_id).toBe(ids.get(ALEX));
    const rerouted = await service.db.selectFrom('ticket_events').select(['at', 'reason', 'actor_id']).where('ticket_id', '=', ticketId).where('type', '=', 'rerouted').execute();
    expect(rerouted).toHaveLength(1);
    expect(rerouted[0]!.at.toISOString()).toBe(utc('2026-11-23T10:00:00-08:00'));
    expect(rerouted[0]!.actor_id).toBeNull();
    expect(rerouted[0]!.reason).toContain('Jordan Blake went out of office');
    await service.travel({ advance: '1m' });
    expect((await assignedMails()).at(-1)!.recipients).toEqual([ALEX]);
  });

  it('removing a range that has not begun cancels its hand-over', async () => {
    const added = await service.request(ADMIN, {
      method: 'POST',
      url: `/api/v1/users/${ids.get(JORDAN)}/out-of-office`,
      payload: { starts_at: '2026-11-27T08:00:00-08:00', ends_at: '2026-11-27T15:00:00-08:00' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const rangeId = added.json().id as string;
    await service.travel({ to: '2026-11-26T07:00:00-08:00' });
    await assign(ADMIN, JORDAN);
    const removed = await service.request(JORDAN, { method: 'DELETE', url: `/api/v1/users/${ids.get(JORDAN)}/out-of-office/${rangeId}` });
    expect(removed.statusCode, removed.body).toBe(204);
    const timers = await service.db.selectFrom('timers').select('state').where('subject_id', '=', rangeId).execute();
    expect(timers.map((t) => t.state)).toEqual(['cancelled']);
    await service.travel({ to: '2026-11-27T09:00:00-08:00' });
    const ticket = (await service.request(ADMIN, { method: 'GET', url: `/api/v1/tickets/${ticketId}` })).json();
    expect(ticket.assignee_id).toBe(ids.get(JORDAN));
    const rerouted = await service.db.selectFrom('ticket_events').select('id').where('ticket_id', '=', ticketId).where('type', '=', 'rerouted').execute();
    expect(rerouted).toHaveLength(1);
  });
  it('says why routing chose the assignee in the assignee\'s language', async () => {
    await service.travel({ to: '2026-11-30T07:00:00-08:00' }); // Monday: Jordan Blake is at work
    const german = await service.request(JORDAN, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'de' } });
    expect(german.statusCode, german.body).toBe(200);
    const created = await service.request(BANK, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Anrufe brechen ab', description: 'Seit heute Morgen.' } });
    expect(created.statusCode, created.body).toBe(201);
    ticketId = created.json().id;
    const [event] = await assignedEvents();
    expect(event!.payload).toMatchObject({ reason: 'Jordan Blake is the primary account manager, at work and available.', why: { rule: 'primary_manager', person: 'Jordan Blake' } });
    await service.travel({ advance: '1m' });
    const [mail] = await assignedMails();
    expect(mail!.recipients).toEqual([JORDAN]);
    expect(mail!.text_body).toContain('Grund: Jordan Blake ist die erste Ansprechperson für das Konto, bei der Arbeit und verfügbar.');
    expect(mail!.text_body).not.toContain('primary account manager');
    await service.request(JORDAN, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } });
  });
});
