import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const BANK = 'evan@dunmore-bank.example'; // twilio personalized: primary Jordan (Los Angeles 06–15), secondary Lena (Berlin 09–18)
const TRAVEL = 'gabriel@fjordline-travel.example'; // 360dialog premium, EMEA team: Lena (en, de), Rafaela (São Paulo, en, pt-BR, es), Irina (Berlin 08–16, en, ru, de)

describe.each(DATABASE_KINDS)('routing new tickets by schedule, presence and language on %s', (kind) => {
  let service: TestService;
  let admin: string;
  let bank: string;
  let travel: string;
  const ids = new Map<string, string>();
  const id = (name: string) => ids.get(name)!;

  const open = async (auth: string, payload: Record<string, unknown> = {}) => {
    const response = await service.request(auth, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Calls drop after 30 seconds', description: 'Outbound calls drop.', ...payload } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const patchUser = async (name: string, payload: Record<string, unknown>) => {
    const response = await service.request(admin, { method: 'PATCH', url: `/api/v1/users/${id(name)}`, payload });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const events = async (ticketId: string) => (await service.request(admin, { method: 'GET', url: `/api/v1/tickets/${ticketId}/events` })).json().items;

  beforeAll(async () => {
    service = await startTestService(kind);
    admin = await service.signIn(ADMIN);
    bank = await service.signIn(BANK);
    travel = await service.signIn(TRAVEL);
    const users = (await service.request(admin, { method: 'GET', url: '/api/v1/users?limit=100' })).json().items;
    for (const u of users) ids.set(u.name.split(' ')[0], u.id);
    const teams = (await service.request(admin, { method: 'GET', url: '/api/v1/teams?limit=100' })).json().items;
    for (const t of teams) ids.set(t.name, t.id);
  });
  afterAll(async () => {
    await service?.close();
  });
  beforeEach(async () => {
    // Everyone back at work, nobody carrying tickets from an earlier case.
    await service.db.updateTable('tickets').set({ status: 'solved' }).execute();
    await service.db.updateTable('users').set({ presence: 'available', out_of_office_until: null }).where('role', '=', 'agent').execute();
    await service.db.deleteFrom('out_of_office').execute();
  });

  it('gives a personalized ticket to the primary account manager in their hours, with the reason in the audit trail', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z')); // Monday 07:00 Los Angeles, 16:00 Berlin
    const ticket = await open(bank);
    expect(ticket).toMatchObject({ assignee_id: id('Jordan'), team_id: null });
    const routed = (await events(ticket.id)).find((e: { type: string }) => e.type === 'routed');
    expect(routed).toMatchObject({ after: { assignee_id: id('Jordan'), rule: 'primary_manager' } });
    expect(routed.reason).toContain('Jordan Blake is the primary account manager');
  });

  it('follows the primary manager across the US DST change (06:00 Los Angeles is 14:00Z in winter, 13:00Z in summer)', async () => {
    service.clock.set(Date.parse('2026-03-02T13:30:00Z')); // Monday 05:30 PST: Jordan not yet at work; Lena 14:30 Berlin
    expect((await open(bank)).assignee_id).toBe(id('Lena'));
    service.clock.set(Date.parse('2026-03-09T13:30:00Z')); // Monday 06:30 PDT (DST began 8 March): Jordan at work
    expect((await open(bank)).assignee_id).toBe(id('Jordan'));
  });

  it('falls back to the secondary when the primary is away, offline or out of office', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z'));
    await patchUser('Jordan', { presence: 'away' });
    expect((await open(bank)).assignee_id).toBe(id('Lena'));
    await patchUser('Jordan', { presence: 'available' });
    const range = await service.request(admin, { method: 'POST', url: `/api/v1/users/${id('Jordan')}/out-of-office`, payload: { starts_at: '2026-03-02T00:00:00Z', ends_at: '2026-03-04T00:00:00Z', note: 'Conference' } });
    expect(range.statusCode, range.body).toBe(201);
    const ticket = await open(bank);
    expect(ticket.assignee_id).toBe(id('Lena'));
    const routed = (await events(ticket.id)).find((e: { type: string }) => e.type === 'routed');
    expect(routed.reason).toContain('Jordan Blake is out of office until 2026-03-04T00:00:00.000Z');
    service.clock.set(Date.parse('2026-03-04T15:00:00Z')); // the range is over
    expect((await open(bank)).assignee_id).toBe(id('Jordan'));
  });

  it('sends the ticket to the least-loaded follow-the-sun engineer in hours outside both managers\' hours', async () => {
    service.clock.set(Date.parse('2026-03-02T23:30:00Z')); // Monday 15:30 LA, 00:30 Berlin; Tuesday 08:30 Tokyo
    const first = await open(bank);
    expect(first).toMatchObject({ assignee_id: id('Mei'), team_id: id('Follow the Sun 24x7') });
    service.clock.set(Date.parse('2026-03-03T15:30:00Z')); // Tuesday: Tom (London 08–16) and Alex (New York 10–18) at work, both managers too
    await patchUser('Jordan', { presence: 'offline' });
    await patchUser('Lena', { presence: 'offline' });
    const second = await open(bank);
    const third = await open(bank);
    expect(new Set([second.assignee_id, third.assignee_id])).toEqual(new Set([id('Tom'), id('Alex')]));
  });

  it('leaves a weekend ticket in the follow-the-sun queue when no engineer is at work', async () => {
    service.clock.set(Date.parse('2026-03-07T18:00:00Z')); // Saturday
    const ticket = await open(bank);
    expect(ticket).toMatchObject({ assignee_id: null, team_id: id('Follow the Sun 24x7') });
    const preview = await service.request(admin, { method: 'GET', url: `/api/v1/accounts/${ticket.account_id}/routing` });
    expect(preview.json()).toMatchObject({ assignee_id: null, rule: 'follow_the_sun_queue' });
  });

  it('prefers an agent of the account\'s team who speaks the ticket\'s language', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z')); // Lena (16:00 Berlin) and Rafaela (12:00 São Paulo) at work; Irina's day ended at 16:00
    expect(await open(travel, { language: 'pt-BR' })).toMatchObject({ assignee_id: id('Rafaela'), team_id: id('EMEA Support') });
    expect((await open(travel, { language: 'de' })).assignee_id).toBe(id('Lena'));
    const russian = await open(travel, { language: 'ru' }); // Irina is off: the least-loaded colleague in hours
    expect([id('Lena'), id('Rafaela')]).toContain(russian.assignee_id);
    expect((await events(russian.id)).find((e: { type: string }) => e.type === 'routed')).toMatchObject({ after: { rule: 'team_member' } });
    service.clock.set(Date.parse('2026-03-02T20:00:00Z')); // only Rafaela is at work
    expect((await open(travel, { language: 'de' })).assignee_id).toBe(id('Rafaela'));
    service.clock.set(Date.parse('2026-03-03T02:00:00Z')); // nobody: the team's queue
    expect(await open(travel, { language: 'de' })).toMatchObject({ assignee_id: null, team_id: id('EMEA Support') });
  });

  it('re-routes unattended tickets in the same request when the assignee goes offline, and keeps the ones worked on', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z'));
    const untouched = await open(bank);
    const worked = await open(bank);
    expect([untouched.assignee_id, worked.assignee_id]).toEqual([id('Jordan'), id('Jordan')]);
    const jordan = await service.signIn('jordan.blake@hourglass.example');
    const ack = await service.request(jordan, { method: 'POST', url: `/api/v1/tickets/${worked.id}/acknowledge` });
    expect(ack.statusCode, ack.body).toBe(200);

    const patched = await service.request(jordan, { method: 'PATCH', url: `/api/v1/users/${id('Jordan')}`, payload: { presence: 'offline' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = (await service.request(admin, { method: 'GET', url: `/api/v1/tickets/${untouched.id}` })).json();
    expect(after.assignee_id).toBe(id('Lena'));
    const rerouted = (await events(untouched.id)).find((e: { type: string }) => e.type === 'rerouted');
    expect(rerouted).toMatchObject({ actor_id: id('Jordan'), before: { assignee_id: id('Jordan') }, after: { assignee_id: id('Lena'), rule: 'secondary_manager' } });
    expect(rerouted.reason).toContain('Jordan Blake went offline before anyone worked on the ticket');
    expect((await service.request(admin, { method: 'GET', url: `/api/v1/tickets/${worked.id}` })).json().assignee_id).toBe(id('Jordan'));
  });

  it('re-routes when an out-of-office range that has begun is added, and refuses a range that ends before it starts', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z'));
    const ticket = await open(bank);
    expect(ticket.assignee_id).toBe(id('Jordan'));
    const bad = await service.request(admin, { method: 'POST', url: `/api/v1/users/${id('Jordan')}/out-of-office`, payload: { starts_at: '2026-03-05T00:00:00Z', ends_at: '2026-03-04T00:00:00Z' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ path: 'body.ends_at', message: 'Must be after starts_at.' }]);
    const added = await service.request(admin, { method: 'POST', url: `/api/v1/users/${id('Jordan')}/out-of-office`, payload: { starts_at: '2026-03-02T14:00:00Z', ends_at: '2026-03-06T00:00:00Z' } });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().rerouted).toEqual([expect.objectContaining({ ticket_id: ticket.id, to: id('Lena'), rule: 'secondary_manager' })]);
    const list = (await service.request(admin, { method: 'GET', url: `/api/v1/users/${id('Jordan')}/out-of-office` })).json().items;
    expect(list).toHaveLength(1);
    const removed = await service.request(admin, { method: 'DELETE', url: `/api/v1/users/${id('Jordan')}/out-of-office/${list[0].id}` });
    expect(removed.statusCode).toBe(204);
    const customer = await service.request(bank, { method: 'GET', url: `/api/v1/users/${id('Jordan')}/out-of-office` });
    expect(customer.statusCode).toBe(403);
  });
});
