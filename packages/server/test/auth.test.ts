import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

describe.each(DATABASE_KINDS)('sign-in, sessions and API tokens on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('signs in with the demo password and answers /me', async () => {
    const cookie = await service.signIn(AGENT);
    const me = await service.request(cookie, { method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: AGENT, role: 'agent', account_id: null, zone: 'Europe/Berlin', languages: ['en', 'de'] });
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await service.db.selectFrom('users').select('password_hash').where('email', '=', ADMIN).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    for (const payload of [{ email: ADMIN, password: 'wrong-password' }, { email: 'nobody@hourglass.example', password: 'whatever-it-is' }]) {
      const response = await service.request(null, { method: 'POST', url: '/api/v1/session', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is wrong.' } });
    }
  });

  it('requires a signed-in caller', async () => {
    const response = await service.request(null, { method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('signs out: the old session cookie no longer works', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const out = await service.request(cookie, { method: 'DELETE', url: '/api/v1/session' });
    expect(out.statusCode).toBe(204);
    const me = await service.request(cookie, { method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    service.clock.advance(8 * 24 * 60 * 60 * 1000);
    try {
      expect((await service.request(cookie, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    } finally {
      service.clock.advance(-8 * 24 * 60 * 60 * 1000);
    }
  });

  it('creates an API token whose secret is shown once and stored only as a hash', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const created = await service.request(cookie, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'ci' } });
    expect(created.statusCode).toBe(201);
    const token = created.json();
    expect(token.token).toMatch(/^hgt_[A-Za-z0-9_-]{43}$/);
    expect(token.token_prefix).toBe(token.token.slice(0, 12));

    const stored = await service.db.selectFrom('api_tokens').select('token_hash').where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token.token);

    const me = await service.request(`Bearer ${token.token}`, { method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(CUSTOMER_A);

    const list = await service.request(cookie, { method: 'GET', url: '/api/v1/tokens' });
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(token.id);
    expect(JSON.stringify(list.json())).not.toContain(token.token);

    const revoked = await service.request(cookie, { method: 'DELETE', url: `/api/v1/tokens/${token.id}` });
    expect(revoked.statusCode).toBe(204);
    const after = await service.request(`Bearer ${token.token}`, { method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toContain('revoked');
  });

  it('refuses an unknown bearer token and a malformed Authorization header', async () => {
    expect((await service.request('Bearer hgt_nope', { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const malformed = await service.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json().error.message).toContain('Bearer');
  });

  it('does not let one user revoke another user\'s token', async () => {
    const admin = await service.signIn(ADMIN);
    const token = (await service.request(admin, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'admin-token' } })).json();
    const customer = await service.signIn(CUSTOMER_A);
    const response = await service.request(customer, { method: 'DELETE', url: `/api/v1/tokens/${token.id}` });
    expect(response.statusCode).toBe(404);
    expect((await service.request(`Bearer ${token.token}`, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });
});
