import type { InjectOptions } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/app/build-app.js';
import { PinnedVersionMissing, pinnedVersion } from '../src/policy/catalog.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { seedDemoData } from '../src/seed/seed.js';
import { TimerWorker } from '../src/timers/worker.js';
import { AGENT, CUSTOMER_A, DESK_ORIGIN, START } from './support/app.js';
import { DATABASE_KINDS, openTestDatabase } from './support/databases.js';

/** A pino logger that keeps what it writes, parsed. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines, errors: () => lines.filter((l) => (l.level as number) >= 50) };
}

const PIN = '482913'; // Dunmore Savings Bank (twilio personalized) in the demo data

describe.each(DATABASE_KINDS)('faults are errors with their context, never a quiet fallback, on %s', (kind) => {
  const log = memoryLogger();
  let app: Awaited<ReturnType<typeof buildApp>>;
  let close: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestDatabase>>['db'];
  const cookies = new Map<string, string>();

  const request = (email: string | null, options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers as Record<string, string>), ...(email ? { cookie: cookies.get(email)!, origin: DESK_ORIGIN } : {}) } });
  const signIn = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });

  beforeAll(async () => {
    const handle = await openTestDatabase(kind);
    db = handle.db;
    const clock = fixedClock(START);
    const registry = await loadShippedCatalog();
    await migrateToLatest(db);
    await seedDemoData(db, registry, clock, { tickets: false });
    app = await buildApp({ db, clock, registry, logger: log.logger, webApp: false });
    close = async () => {
      await app.close();
      await handle.close();
    };
    for (const [email, role] of [[AGENT, 'agent'], [CUSTOMER_A, 'customer']] as const) {
      const response = await signIn(email, DEMO_PASSWORDS[role]);
      expect(response.statusCode, response.body).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'hourglass_session')!;
      cookies.set(email, `${cookie.name}=${cookie.value}`);
    }
  });
  afterAll(async () => {
    await close?.();
  });

  it('answers a ticket pinned to a pack version the server lacks with a 500 naming pack and version, and logs it', async () => {
    const opened = await request(CUSTOMER_A, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Old ticket', description: 'Opened under rules since removed.' } });
    expect(opened.statusCode, JSON.stringify(log.errors())).toBe(201);
    const ticket = opened.json();
    await db.updateTable('tickets').set({ pack_version: '2019-01' }).where('id', '=', ticket.id).execute();
    const before = log.errors().length;
    for (const url of [`/api/v1/tickets/${ticket.id}`, `/api/v1/tickets/${ticket.id}/targets/first_response/explain`]) {
      const response = await request(AGENT, { method: 'GET', url });
      expect(response.statusCode, url).toBe(500);
      const { error } = response.json();
      expect(error.code).toBe('internal');
      expect(error.message).toContain('version "2019-01" of policy pack "twilio"');
      expect(error.message).toContain('2020-01, 2025-04');
      expect(response.body).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    }
    const logged = log.errors().slice(before);
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(logged[0])).toContain('version \\"2019-01\\" of policy pack \\"twilio\\"');
    await db.updateTable('tickets').set({ pack_version: ticket.pack_version }).where('id', '=', ticket.id).execute();
  });

  it('answers a sign-in whose stored hash Argon2 cannot read with a logged 500, not "wrong password"', async () => {
    await db.updateTable('users').set({ password_hash: 'not-an-argon2-hash' }).where('email', '=', 'manager@hourglass.example').execute();
    const before = log.errors().length;
    const response = await signIn('manager@hourglass.example', DEMO_PASSWORDS.manager);
    expect(response.statusCode, response.body).toBe(500);
    expect(response.json().error.code).toBe('internal');
    expect(response.json().error.message).toMatch(/password could not be checked because of a fault on our side/);
    const logged = JSON.stringify(log.errors().slice(before));
    expect(logged).toContain('PasswordCheckFailed');
    expect(logged).toContain('Decoding failed'); // the Argon2 error, kept as the cause
    // A wrong password for a readable hash is still a 401.
    expect((await signIn(AGENT, 'wrong password')).statusCode).toBe(401);
  });

  it('answers a phone call for an account whose plan the catalog cannot resolve with a logged 500 naming the account', async () => {
    const account = await db.selectFrom('accounts').select(['id', 'plan']).where('phone_pin', '=', PIN).executeTakeFirstOrThrow();
    await db.updateTable('accounts').set({ plan: 'platinum-retired' }).where('id', '=', account.id).execute();
    try {
      const before = log.errors().length;
      const response = await request(AGENT, { method: 'POST', url: '/api/v1/phone/route', payload: { pin: PIN } });
      expect(response.statusCode, response.body).toBe(500);
      const { error } = response.json();
      expect(error.message).toContain(`The plan "platinum-retired" of account ${account.id} (policy pack "twilio") cannot be read`);
      expect(JSON.stringify(log.errors().slice(before))).toContain(account.id);
    } finally {
      await db.updateTable('accounts').set({ plan: account.plan }).where('id', '=', account.id).execute();
    }
    expect((await request(AGENT, { method: 'POST', url: '/api/v1/phone/route', payload: { pin: PIN } })).statusCode).toBe(200);
  });
});

describe('a pinned pack version is that version or an error', () => {
  it('never falls back to the version in force', async () => {
    const registry = await loadShippedCatalog();
    expect(pinnedVersion(registry, 'twilio', '2020-01').id).toBe('2020-01');
    expect(() => pinnedVersion(registry, 'twilio', '2019-01')).toThrow(PinnedVersionMissing);
    expect(() => pinnedVersion(registry, 'twilio', '2019-01')).toThrow(/version "2019-01" of policy pack "twilio".*2020-01, 2025-04/);
    expect(() => pinnedVersion(registry, 'acme', 'v1')).toThrow(/no pack "acme"/);
  });
});

describe('the timer worker without an onError', () => {
  it('logs every failed sweep as an error with its worker name', async () => {
    const log = memoryLogger();
    // A database that cannot be reached: every sweep fails.
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 1000 }) }) });
    const worker = new TimerWorker({ db, clock: fixedClock(START), workerId: 'test-worker', pollMs: 10, logger: log.logger, handlers: { noop: async () => {} } });
    worker.start();
    try {
      const deadline = Date.now() + 10_000;
      while (log.errors().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await worker.stop();
      await db.destroy();
    }
    const [first] = log.errors();
    expect(first).toMatchObject({ worker: 'test-worker', msg: expect.stringContaining('timer sweep failed') });
    expect(JSON.stringify(first)).toContain('ECONNREFUSED');
  });

  it('builds without a logger or onError (it then logs to standard output)', () => {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }) }) });
    expect(() => new TimerWorker({ db, clock: fixedClock(START), workerId: 'quiet', handlers: { noop: async () => {} } })).not.toThrow();
  });
});
