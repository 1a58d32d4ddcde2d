import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, CUSTOMER_B, MANAGER, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

describe.each(DATABASE_KINDS)('tenancy and roles on %s', (kind) => {
  let service: TestService;
  let customerA: string;
  let customerB: string;
  let accountA: string;
  let accountB: string;
  beforeAll(async () => {
    service = await startTestService(kind);
    customerA = await service.signIn(CUSTOMER_A);
    customerB = await service.signIn(CUSTOMER_B);
    accountA = (await service.request(customerA, { method: 'GET', url: '/api/v1/me' })).json().account_id;
    accountB = (await service.request(customerB, { method: 'GET', url: '/api/v1/me' })).json().account_id;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('shows a customer only their own account, with its projects', async () => {
    const list = await service.request(customerA, { method: 'GET', url: '/api/v1/accounts' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: accountA, name: 'Bluefin Apps', pack_id: 'twilio', plan: 'bootstrap' });
    expect(items[0].projects.map((p: { name: string; production: boolean }) => [p.name, p.production])).toEqual([
      ['Production', true],
      ['Staging', false],
    ]);
    expect((await service.request(customerA, { method: 'GET', url: `/api/v1/accounts/${accountA}` })).statusCode).toBe(200);
  });

  it("answers 404 to a customer asking for another account's resources", async () => {
    const responses = await Promise.all([
      service.request(customerA, { method: 'GET', url: `/api/v1/accounts/${accountB}` }),
      service.request(customerA, { method: 'GET', url: `/api/v1/accounts/${accountB}/projects` }),
      service.request(customerA, { method: 'PATCH', url: `/api/v1/accounts/${accountB}`, payload: { name: 'Taken over' } }),
      service.request(customerA, { method: 'POST', url: `/api/v1/accounts/${accountB}/projects`, payload: { name: 'Sneaky', production: true } }),
    ]);
    for (const response of responses) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const userB = (await service.request(customerB, { method: 'GET', url: '/api/v1/me' })).json().id;
    expect((await service.request(customerA, { method: 'GET', url: `/api/v1/users/${userB}` })).statusCode).toBe(404);
    const users = (await service.request(customerA, { method: 'GET', url: '/api/v1/users' })).json().items;
    expect(users.map((u: { email: string }) => u.email)).toEqual([CUSTOMER_A]);
  });

  it('answers 403 where the resource is visible but the action is not allowed', async () => {
    const patch = await service.request(customerA, { method: 'PATCH', url: `/api/v1/accounts/${accountA}`, payload: { plan: 'premium' } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('forbidden');
    const createAccount = await service.request(customerA, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'X', pack_id: 'twilio', plan: 'free' } });
    expect(createAccount.statusCode).toBe(403);
    const agent = await service.signIn(AGENT);
    expect((await service.request(agent, { method: 'PATCH', url: `/api/v1/accounts/${accountA}`, payload: { name: 'Renamed' } })).statusCode).toBe(403);
  });

  it('keeps teams internal: customers cannot list them and get 404 for a team id', async () => {
    const admin = await service.signIn(ADMIN);
    const teams = (await service.request(admin, { method: 'GET', url: '/api/v1/teams' })).json().items;
    const sun = teams.find((t: { name: string }) => t.name === 'Follow the Sun 24x7');
    expect(sun).toMatchObject({ follow_the_sun: true });
    expect(sun.member_ids).toHaveLength(3);
    expect((await service.request(customerA, { method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(403);
    expect((await service.request(customerA, { method: 'GET', url: `/api/v1/teams/${sun.id}` })).statusCode).toBe(404);
  });

  it('lets staff see every account and filter them', async () => {
    const agent = await service.signIn(AGENT);
    const all = (await service.request(agent, { method: 'GET', url: '/api/v1/accounts?limit=200' })).json();
    expect(all.items).toHaveLength(9);
    const exotel = (await service.request(agent, { method: 'GET', url: '/api/v1/accounts?pack_id=exotel' })).json();
    expect(exotel.items.map((a: { plan: string }) => a.plan).sort()).toEqual(['enterprise', 'sme']);
  });

  it('pages lists with limit and cursor, without gaps or repeats', async () => {
    const admin = await service.signIn(ADMIN);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await service.request(admin, { method: 'GET', url })).json();
      seen.push(...page.items.map((u: { email: string }) => u.email));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(19);
    expect(new Set(seen).size).toBe(19);
    expect([...seen].sort()).toEqual(seen);
  });

  it('lets a customer add a project to their own account; an admin creates accounts and customers', async () => {
    const project = await service.request(customerA, { method: 'POST', url: `/api/v1/accounts/${accountA}/projects`, payload: { name: 'Mobile app', production: true } });
    expect(project.statusCode).toBe(201);
    expect(project.json()).toMatchObject({ account_id: accountA, name: 'Mobile app', production: true });

    const admin = await service.signIn(ADMIN);
    const account = await service.request(admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Kestrel Games', pack_id: 'exotel', plan: 'smb', projects: [{ name: 'Live', production: true }] },
    });
    expect(account.statusCode).toBe(201);
    expect(account.json()).toMatchObject({ plan: 'sme', pack_version: '2020-01', projects: [{ name: 'Live', production: true }] });

    const user = await service.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'Quinn@Kestrel-Games.example', name: 'Quinn Hale', role: 'customer', account_id: account.json().id, password: 'a-long-password', zone: 'Asia/Kolkata' },
    });
    expect(user.statusCode).toBe(201);
    expect(user.json()).toMatchObject({ email: 'quinn@kestrel-games.example', role: 'customer' });
    expect((await service.request(null, { method: 'POST', url: '/api/v1/session', payload: { email: 'quinn@kestrel-games.example', password: 'a-long-password' } })).statusCode).toBe(200);

    const duplicate = await service.request(admin, { method: 'POST', url: '/api/v1/users', payload: { email: 'quinn@kestrel-games.example', name: 'Q', role: 'customer', account_id: account.json().id } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('email_taken');
  });

  it('lets a manager create agents but not admins; users may edit their own profile but not their role', async () => {
    const manager = await service.signIn(MANAGER);
    const agent = await service.request(manager, { method: 'POST', url: '/api/v1/users', payload: { email: 'new.agent@hourglass.example', name: 'New Agent', role: 'agent', zone: 'Europe/Madrid', languages: ['es', 'en'] } });
    expect(agent.statusCode).toBe(201);
    const admin = await service.request(manager, { method: 'POST', url: '/api/v1/users', payload: { email: 'boss@hourglass.example', name: 'Boss', role: 'admin' } });
    expect(admin.statusCode).toBe(403);

    const me = (await service.request(customerA, { method: 'GET', url: '/api/v1/me' })).json();
    const rename = await service.request(customerA, { method: 'PATCH', url: `/api/v1/users/${me.id}`, payload: { name: 'Riley M.', zone: 'Europe/Dublin' } });
    expect(rename.statusCode).toBe(200);
    expect(rename.json()).toMatchObject({ name: 'Riley M.', zone: 'Europe/Dublin' });
    const promote = await service.request(customerA, { method: 'PATCH', url: `/api/v1/users/${me.id}`, payload: { role: 'admin' } });
    expect(promote.statusCode).toBe(403);
  });
});
