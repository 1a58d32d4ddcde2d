import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTimers } from '../src/timers/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { AGENT, RILEY, startWorkflowService, utc, type WorkflowService } from './support/workflow.js';

// The twilio lifecycle through the API: pending for 5 business days (twilio-business-hours,
// America/Los_Angeles, closed Thanksgiving and the day after) sends a reminder, 10 solve the ticket.
// US DST ends Sun 1 Nov 2026 (PDT -07:00 → PST -08:00); Thanksgiving is Thu 26 Nov 2026.

describe.each(DATABASE_KINDS)('twilio pending reminder and automatic solve on %s', (kind) => {
  let service: WorkflowService;

  beforeAll(async () => {
    service = await startWorkflowService(kind, '2026-10-26T12:00:00Z');
  });
  afterAll(async () => {
    await service?.close();
  });

  const at = (iso: string) => service.clock.set(Date.parse(iso));
  async function pendingTicket(subject: string, openAt: string, pendingAt: string): Promise<string> {
    at(openAt);
    const created = await service.request(RILEY, { method: 'POST', url: '/api/v1/tickets', payload: { subject, description: 'Messages stay queued.' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    at(pendingAt);
    const pending = await service.request(AGENT, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { status: 'pending' } });
    expect(pending.statusCode, pending.body).toBe(200);
    return id;
  }
  const ticket = async (id: string) => (await service.request(AGENT, { method: 'GET', url: `/api/v1/tickets/${id}` })).json();
  const comments = async (id: string) => (await service.request(RILEY, { method: 'GET', url: `/api/v1/tickets/${id}/comments` })).json();
  const systemComments = async (id: string) => {
    const body = await comments(id);
    return (Array.isArray(body) ? body : body.items).filter((c: { author_id: string | null }) => c.author_id === null);
  };
  const mails = (id: string, event: string) =>
    service.db.selectFrom('mail_log').selectAll().where('ticket_id', '=', id).where('event', '=', event).execute();
  async function travelTo(iso: string) {
    const moved = await service.travel({ to: iso });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().now).toBe(utc(iso));
    return moved.json();
  }

  it('counts across the end of DST, keeping the wall time: reminder Wed 4 Nov 10:00 PST, solved Wed 11 Nov 10:00 PST', async () => {
    const id = await pendingTicket('DST ticket', '2026-10-28T09:00:00-07:00', '2026-10-28T10:00:00-07:00');
    const timers = await findTimers(service.db, { subjectId: id, kinds: ['pending_reminder', 'auto_solve'] });
    expect(timers.map((t) => [t.kind, new Date(t.dueAt).toISOString()])).toEqual([
      ['pending_reminder', utc('2026-11-04T10:00:00-08:00')],
      ['auto_solve', utc('2026-11-11T10:00:00-08:00')],
    ]);

    await travelTo('2026-11-04T09:59:00-08:00');
    expect(await systemComments(id)).toEqual([]);
    await travelTo('2026-11-04T10:00:00-08:00');
    const reminders = await systemComments(id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].public).toBe(true);
    expect(reminders[0].created_at).toBe(utc('2026-11-04T10:00:00-08:00'));
    expect(reminders[0].body).toContain('solved automatically');
    const reminderMail = await mails(id, 'pending_reminder');
    expect(reminderMail.map((m) => m.recipients)).toEqual([[RILEY]]);
    expect(reminderMail[0]!.subject).toContain('Waiting for your reply');
    // Riley is in Denver: the solve at 10:00 Pacific is shown as 11:00 Denver time, with the zone named, in the email and the comment.
    expect(reminderMail[0]!.text_body).toContain('it will be solved automatically on Wednesday 11 November 2026, 11:00 MST (America/Denver)');
    expect(reminderMail[0]!.text_body).toContain(`https://desk.example.test/portal/tickets/${id}`);
    expect(reminders[0].body).toContain('solved automatically on Wednesday 11 November 2026, 11:00 MST (America/Denver)');
    expect((await ticket(id)).status).toBe('pending');

    await travelTo('2026-11-11T09:59:00-08:00');
    expect((await ticket(id)).status).toBe('pending');
    await travelTo('2026-11-11T10:00:00-08:00');
    const solved = await ticket(id);
    expect(solved.status).toBe('solved');
    expect(solved.solved_at).toBe(utc('2026-11-11T10:00:00-08:00'));
    expect(await mails(id, 'auto_solved')).toHaveLength(1);
    const events = await service.db.selectFrom('ticket_events').select(['type', 'actor_id', 'reason']).where('ticket_id', '=', id).where('type', '=', 'auto_solved').execute();
    expect(events).toEqual([{ type: 'auto_solved', actor_id: null, reason: 'No reply from the requester for 10 business days while the ticket was pending.' }]);
    // Moving on fires nothing twice.
    await travelTo('2026-11-13T12:00:00-08:00');
    expect(await systemComments(id)).toHaveLength(1);
    expect(await mails(id, 'pending_reminder')).toHaveLength(1);
    expect(await mails(id, 'auto_solved')).toHaveLength(1);
  });

  it('pending from the Wednesday before Thanksgiving: reminder Fri 4 Dec 10:00, solved Fri 11 Dec 10:00 PST', async () => {
    const id = await pendingTicket('Thanksgiving ticket', '2026-11-25T09:30:00-08:00', '2026-11-25T10:00:00-08:00');
    await travelTo('2026-12-04T09:59:00-08:00');
    expect(await systemComments(id)).toEqual([]);
    await travelTo('2026-12-04T10:00:00-08:00');
    expect((await systemComments(id)).map((c: { created_at: string }) => c.created_at)).toEqual([utc('2026-12-04T10:00:00-08:00')]);
    expect(await mails(id, 'pending_reminder')).toHaveLength(1);
    await travelTo('2026-12-11T09:59:00-08:00');
    expect((await ticket(id)).status).toBe('pending');
    await travelTo('2026-12-11T10:00:00-08:00');
    const solved = await ticket(id);
    expect(solved.status).toBe('solved');
    expect(solved.solved_at).toBe(utc('2026-12-11T10:00:00-08:00'));
  });

  it('a customer reply in between returns the ticket to open and cancels both timers', async () => {
    const id = await pendingTicket('Reply ticket', '2026-12-14T09:00:00-08:00', '2026-12-14T10:00:00-08:00');
    expect((await findTimers(service.db, { subjectId: id, kinds: ['pending_reminder', 'auto_solve'], states: ['pending'] })).length).toBe(2);
    at('2026-12-16T08:00:00-08:00');
    const reply = await service.request(RILEY, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload: { body: 'Here are the message SIDs.' } });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await ticket(id)).status).toBe('open');
    const timers = await findTimers(service.db, { subjectId: id, kinds: ['pending_reminder', 'auto_solve'] });
    expect(timers.map((t) => t.state)).toEqual(['cancelled', 'cancelled']);
    await travelTo('2027-01-08T12:00:00-08:00');
    expect(await systemComments(id)).toEqual([]);
    expect((await ticket(id)).status).toBe('open');
    expect(await mails(id, 'pending_reminder')).toEqual([]);
  });

  it('refuses to move the clock backwards, with a plain message', async () => {
    const moved = await service.travel({ to: '2026-01-01T00:00:00Z' });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.message).toContain('only moves forward');
    const bad = await service.travel({ advance: 'soon' } as never);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to move the clock past the years due times are computed for, naming the field; tickets still open afterwards', async () => {
    const far = await service.travel({ to: '2500-06-30T12:00:00+14:00' });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.issues).toEqual([expect.objectContaining({ path: 'body.to' })]);
    const long = await service.travel({ advance: '30000w' });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.issues).toEqual([expect.objectContaining({ path: 'body.advance' })]);
    const created = await service.request(RILEY, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Still open', description: 'After a refused clock move.' } });
    expect(created.statusCode).toBe(201);
  });
});
