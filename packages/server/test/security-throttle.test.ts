import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { buildApp } from '../src/app/build-app.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { seedDemoData } from '../src/seed/seed.js';
import { ADMIN, AGENT, CUSTOMER_A, CUSTOMER_B, MANAGER, START, startTestService, type TestService } from './support/app.js';
import { createTestDatabase, DATABASE_KINDS } from './support/databases.js';

const PIN = '482913'; // Dunmore Savings Bank in the demo data

const signInFrom = (app: FastifyInstance, email: string, password: string, ip = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

const outcome = (response: LightMyRequestResponse) => ({ status: response.statusCode, retryAfter: response.headers['retry-after'], body: response.json() });

describe.each(DATABASE_KINDS)('throttling guessable secrets on %s', (kind) => {
  let service: TestService;
  const signIn = (email: string, password: string, ip?: string) => signInFrom(service.app, email, password, ip);

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('locks an address after 5 wrong passwords with 429 and Retry-After, refuses even the right one until the lock passes, and doubles the lock', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(ADMIN, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await signIn(ADMIN, 'wrong-5');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('1');
    expect(locked.json().error).toEqual({ code: 'too_many_attempts', message: 'Too many attempts; try again in 1 second.' });
    expect((await signIn(ADMIN, DEMO_PASSWORDS.admin)).statusCode).toBe(429);

    service.clock.advance(1000);
    expect((await signIn(ADMIN, 'wrong-6')).statusCode).toBe(401); // one try after the lock: wrong again
    const longer = await signIn(ADMIN, DEMO_PASSWORDS.admin);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
    service.clock.advance(1000);
    expect((await signIn(ADMIN, DEMO_PASSWORDS.admin)).statusCode).toBe(429);
    service.clock.advance(1000);
    expect((await signIn(ADMIN, DEMO_PASSWORDS.admin)).statusCode).toBe(200);
    // The right password cleared the address: a typo afterwards is a plain 401 again.
    expect((await signIn(ADMIN, 'typo')).statusCode).toBe(401);
  });

  it('answers a known and an unknown address alike, in what it says and in how long it takes', async () => {
    const known: ReturnType<typeof outcome>[] = [];
    const unknown: ReturnType<typeof outcome>[] = [];
    const took = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 7; i++) {
      let started = performance.now();
      known.push(outcome(await signIn(MANAGER, `nope-${i}`, '198.51.100.1')));
      took.known.push(performance.now() - started);
      started = performance.now();
      unknown.push(outcome(await signIn('nobody@hourglass.example', `nope-${i}`, '198.51.100.2')));
      took.unknown.push(performance.now() - started);
    }
    expect(unknown).toEqual(known);
    expect(known.map((o) => o.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const median = (values: number[]) => values.slice(0, 5).sort((a, b) => a - b)[2]!;
    // Both run the password hash: an unknown address is not answered much faster (loose bounds: the machine is shared).
    expect(median(took.unknown)).toBeGreaterThan(median(took.known) / 3);
  });

  it('counts 200 parallel attempts before checking them: at most 5 are checked, the rest get 429, and the right password too', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn(CUSTOMER_B, `parallel-${i}`)));
    const checked = answers.filter((a) => a.statusCode === 401).length;
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(checked).toBe(5);
    expect(refused.length).toBe(200 - checked);
    for (const answer of refused) expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await signIn(CUSTOMER_B, DEMO_PASSWORDS.customer)).statusCode).toBe(429);
    service.clock.advance(16 * 60_000);
    expect((await signIn(CUSTOMER_B, DEMO_PASSWORDS.customer)).statusCode).toBe(200);
  });

  it('throttles one client address trying many addresses, but not another client', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 30; i++) expect((await signIn(`guess-${i}@bluefin-apps.example`, 'password1', ip)).statusCode).toBe(401);
    const locked = await signIn(CUSTOMER_A, DEMO_PASSWORDS.customer, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('1');
    expect((await signIn(CUSTOMER_A, DEMO_PASSWORDS.customer, '203.0.113.10')).statusCode).toBe(200);
  });

  it('never throttles successful sign-ins, however many come from one client', async () => {
    for (let i = 0; i < 40; i++) expect((await signIn(AGENT, DEMO_PASSWORDS.agent, '192.0.2.7')).statusCode).toBe(200);
  });

  it('throttles phone PIN guessing per provider, on the API and the voice webhook, whichever token guesses', async () => {
    const tokenOf = async (email: string) =>
      `Bearer ${(await service.request(await service.signIn(email), { method: 'POST', url: '/api/v1/tokens', payload: { name: 'pin' } })).json().token}`;
    const [first, second] = [await tokenOf(AGENT), await tokenOf(ADMIN)];
    const route = (auth: string, pin: string) => service.request(auth, { method: 'POST', url: '/api/v1/phone/route', payload: { pin } });
    for (let i = 0; i < 10; i++) expect((await route(i % 2 ? first : second, `99000${i}`)).statusCode).toBe(404);
    const locked = await route(first, '990010');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('2');
    expect((await route(second, PIN)).statusCode).toBe(429);
    const voice = await service.request(first, { method: 'POST', url: '/api/v1/phone/twiml', payload: `Digits=${PIN}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(voice.statusCode).toBe(200);
    expect(voice.headers['retry-after']).toBe('2');
    expect(voice.body).toContain('Too many wrong PINs');
    expect(voice.body).not.toContain('<Dial>');
    service.clock.advance(2000);
    expect((await route(second, PIN)).statusCode).toBe(200);
  });

  it('throttles API token creation per user', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const create = (name: string) => service.request(cookie, { method: 'POST', url: '/api/v1/tokens', payload: { name } });
    for (let i = 0; i < 20; i++) expect((await create(`t${i}`)).statusCode).toBe(201);
    const refused = await create('one too many');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect((await service.request(cookie, { method: 'GET', url: '/api/v1/tokens' })).json().items).toHaveLength(20);
  });
});

describe('throttle state shared by two API processes on one PostgreSQL database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('locks an address on both after wrong passwords spread over both', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const clock = fixedClock(START);
    const registry = await loadShippedCatalog();
    const apps: FastifyInstance[] = [];
    for (let i = 0; i < 2; i++) {
      const handle = await openDatabase({ databaseUrl: database.url, maxConnections: 3 });
      cleanups.push(handle.close);
      if (i === 0) {
        await migrateToLatest(handle.db);
        await seedDemoData(handle.db, registry, clock, { tickets: false });
      }
      const app = await buildApp({ db: handle.db, clock, registry, webApp: false });
      cleanups.push(() => app.close());
      apps.push(app);
    }
    for (let i = 0; i < 5; i++) expect((await signInFrom(apps[i % 2]!, AGENT, `wrong-${i}`)).statusCode).toBe(401);
    expect((await signInFrom(apps[0]!, AGENT, DEMO_PASSWORDS.agent)).statusCode).toBe(429);
    expect((await signInFrom(apps[1]!, AGENT, DEMO_PASSWORDS.agent)).statusCode).toBe(429);
    const parallel = await Promise.all(Array.from({ length: 40 }, (_, i) => signInFrom(apps[i % 2]!, ADMIN, `burst-${i}`)));
    expect(parallel.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(5);
  });
});
