import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, MANAGER, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

describe.each(DATABASE_KINDS)("an account's support team over the HTTP API on %s", (kind) => {
  let service: TestService;
  let admin: string;
  const teams = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService(kind);
    admin = await service.signIn(ADMIN);
    const listed = (await service.request(admin, { method: 'GET', url: '/api/v1/teams?limit=100' })).json().items;
    for (const t of listed) teams.set(t.name, t.id);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('is set when the account is created, shown in its JSON, and routes its tickets', async () => {
    const created = await service.request(admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Harbour Telecom', pack_id: '360dialog', plan: 'standard', team_id: teams.get('India Support') },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().team_id).toBe(teams.get('India Support'));
    const shown = await service.request(admin, { method: 'GET', url: `/api/v1/accounts/${created.json().id}` });
    expect(shown.json().team_id).toBe(teams.get('India Support'));
    const routing = await service.request(admin, { method: 'GET', url: `/api/v1/accounts/${created.json().id}/routing` });
    expect(routing.statusCode, routing.body).toBe(200);
    expect(routing.json().team_id).toBe(teams.get('India Support'));

    const plain = await service.request(admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Quay Logistics', pack_id: '360dialog', plan: 'standard' } });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json().team_id).toBeNull();
  });

  it('is changed and cleared with PATCH by a manager or admin, not by an agent or a customer', async () => {
    const account = (await service.request(admin, { method: 'GET', url: '/api/v1/accounts?q=Harbour' })).json().items[0];
    const manager = await service.signIn(MANAGER);
    const moved = await service.request(manager, { method: 'PATCH', url: `/api/v1/accounts/${account.id}`, payload: { team_id: teams.get('EMEA Support') } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().team_id).toBe(teams.get('EMEA Support'));
    const kept = await service.request(admin, { method: 'PATCH', url: `/api/v1/accounts/${account.id}`, payload: { name: 'Harbour Telecom Ltd' } });
    expect(kept.json()).toMatchObject({ name: 'Harbour Telecom Ltd', team_id: teams.get('EMEA Support') });
    const cleared = await service.request(admin, { method: 'PATCH', url: `/api/v1/accounts/${account.id}`, payload: { team_id: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().team_id).toBeNull();

    const agent = await service.signIn(AGENT);
    expect((await service.request(agent, { method: 'PATCH', url: `/api/v1/accounts/${account.id}`, payload: { team_id: teams.get('EMEA Support') } })).statusCode).toBe(403);
    const customer = await service.signIn(CUSTOMER_A);
    const own = (await service.request(customer, { method: 'GET', url: '/api/v1/accounts' })).json().items[0];
    expect((await service.request(customer, { method: 'PATCH', url: `/api/v1/accounts/${own.id}`, payload: { team_id: teams.get('EMEA Support') } })).statusCode).toBe(403);
  });

  it('refuses a team that does not exist, or an id that is not one, at the field', async () => {
    const account = (await service.request(admin, { method: 'GET', url: '/api/v1/accounts?q=Quay' })).json().items[0];
    const unknown = await service.request(admin, { method: 'PATCH', url: `/api/v1/accounts/${account.id}`, payload: { team_id: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([{ path: 'body.team_id', message: expect.stringContaining('No team') }]);
    const onCreate = await service.request(admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Nowhere Inc', pack_id: '360dialog', plan: 'standard', team_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(onCreate.statusCode).toBe(400);
    expect(onCreate.json().error.issues[0].path).toBe('body.team_id');
    const malformed = await service.request(admin, { method: 'PATCH', url: `/api/v1/accounts/${account.id}`, payload: { team_id: 'emea' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].path).toBe('body.team_id');
    expect((await service.request(admin, { method: 'GET', url: `/api/v1/accounts/${account.id}` })).json().team_id).toBeNull();
    expect((await service.request(admin, { method: 'GET', url: '/api/v1/accounts?q=Nowhere' })).json().items).toEqual([]);
  });
});
