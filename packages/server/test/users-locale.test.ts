import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const GERMAN_AGENT = 'irina.sokolova@hourglass.example';

describe.each(DATABASE_KINDS)('the language people read the desk in, on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('shows the demo locales on /me: a German agent, and null for a customer who has not chosen', async () => {
    const agent = await service.request(await service.signIn(GERMAN_AGENT), { method: 'GET', url: '/api/v1/me' });
    expect(agent.json()).toMatchObject({ email: GERMAN_AGENT, locale: 'de' });
    const english = await service.request(await service.signIn(AGENT), { method: 'GET', url: '/api/v1/me' });
    expect(english.json()).toMatchObject({ email: AGENT, locale: null });
    const customer = await service.request(await service.signIn(CUSTOMER_A), { method: 'GET', url: '/api/v1/me' });
    expect(customer.json()).toMatchObject({ email: CUSTOMER_A, locale: null });
  });

  it('lets a customer choose and clear their own locale through PATCH /me', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const chosen = await service.request(cookie, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'pt-BR' } });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ email: CUSTOMER_A, locale: 'pt-BR' });
    expect((await service.request(cookie, { method: 'GET', url: '/api/v1/me' })).json().locale).toBe('pt-BR');
    const cleared = await service.request(cookie, { method: 'PATCH', url: '/api/v1/me', payload: { locale: null } });
    expect(cleared.json().locale).toBeNull();
  });

  it('refuses a locale the desk does not speak, naming the field', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const response = await service.request(cookie, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'fr' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([expect.objectContaining({ path: 'body.locale' })]);
  });

  it('does not let people change their own role through PATCH /me', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const response = await service.request(cookie, { method: 'PATCH', url: '/api/v1/me', payload: { role: 'admin' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([expect.objectContaining({ path: 'body.role' })]);
  });

  it('lets an admin set the locale of another user, and a new user start with one', async () => {
    const admin = await service.signIn(ADMIN);
    const customer = await service.db.selectFrom('users').select('id').where('email', '=', CUSTOMER_A).executeTakeFirstOrThrow();
    const updated = await service.request(admin, { method: 'PATCH', url: `/api/v1/users/${customer.id}`, payload: { locale: 'es' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().locale).toBe('es');
    const created = await service.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'new.agent.ru@hourglass.example', name: 'Pavel Smirnov', role: 'agent', zone: 'Europe/Berlin', languages: ['ru', 'en'], locale: 'ru' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().locale).toBe('ru');
  });
});
