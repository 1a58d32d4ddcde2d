import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../src/db/open.js';
import { buildApp } from '../src/app/build-app.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { seedDemoData } from '../src/seed/seed.js';
import { writeNewTicket } from '../src/tickets/new-ticket-write.js';
import { CUSTOMER_A, CUSTOMER_B, START } from './support/app.js';
import { createTestDatabase } from './support/databases.js';
import { type PgProxy, startPgProxy } from './support/pg-proxy.js';

/** The simple-protocol COMMIT message a transaction ends with. */
const COMMIT = /Q[\s\S]{4}commit\x00/;

// Faults of a real PostgreSQL connection while tickets are group-committed: the connection lost after
// the database committed (the answer never arrives), and the connection killed while the statement runs.
describe('group commit when the PostgreSQL connection fails', () => {
  let database: { url: string; drop(): Promise<void> };
  let direct: DatabaseHandle;
  let proxy: PgProxy;
  let viaProxy: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    direct = await openDatabase({ databaseUrl: database.url, maxConnections: 3 });
    const registry = await loadShippedCatalog();
    const clock = fixedClock(Date.parse('2026-03-02T15:30:00Z'));
    await migrateToLatest(direct.db);
    await seedDemoData(direct.db, registry, clock, { tickets: false });
    proxy = await startPgProxy(database.url);
    viaProxy = await openDatabase({ databaseUrl: proxy.url, maxConnections: 5 });
    app = await buildApp({ db: viaProxy.db, clock, registry });
  });
  afterAll(async () => {
    await app?.close();
    await viaProxy?.close();
    await proxy?.close();
    await direct?.close();
    await database?.drop();
  });

  const signIn = async (email: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'sec-fetch-site': 'same-origin' }, payload: { email, password: DEMO_PASSWORDS.customer } });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'hourglass_session')!;
    return `${cookie.name}=${cookie.value}`;
  };
  const openTickets = (cookie: string, subjects: string[]) =>
    Promise.all(
      subjects.map((subject) =>
        app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { cookie, 'sec-fetch-site': 'same-origin' }, payload: { subject, description: 'Opened while the connection fails.' } }),
      ),
    );
  /** The stored tickets with these subjects: each must be there once, with the number its creator was told. */
  const expectWrittenOnce = async (responses: Awaited<ReturnType<typeof openTickets>>, subjects: string[]) => {
    for (const response of responses) expect(response.statusCode, response.body).toBe(201);
    const rows = await direct.db.selectFrom('tickets').select(['id', 'number', 'subject', 'assignee_id']).where('subject', 'in', subjects).execute();
    expect(rows.map((r) => r.subject).sort()).toEqual([...subjects].sort());
    for (const response of responses) {
      const answered = response.json() as { id: string; number: number; assignee_id: string | null };
      const row = rows.find((r) => r.id === answered.id)!;
      expect({ number: Number(row.number), assignee_id: row.assignee_id }).toEqual({ number: answered.number, assignee_id: answered.assignee_id });
    }
    // Each ticket's rows were written once too.
    const created = await direct.db.selectFrom('ticket_events').select('ticket_id').where('ticket_id', 'in', rows.map((r) => r.id)).where('type', '=', 'created').execute();
    expect(created).toHaveLength(subjects.length);
  };

  it('answers each ticket of a batch whose COMMIT answer was lost with what was committed, writing none twice', async () => {
    const riley = await signIn(CUSTOMER_A);
    const subjects = ['Lost answer a', 'Lost answer b', 'Lost answer c'];
    const lost = proxy.loseAnswerTo(/insert into "tickets"/);
    const responses = await openTickets(riley, subjects);
    await lost;
    await expectWrittenOnce(responses, subjects);
  });

  it('does the same for routed tickets, whose batch commits with an explicit COMMIT', async () => {
    // Cobalt Freight's tickets go to the least-loaded agent of its team: written in a transaction under the team's lock.
    const dana = await signIn(CUSTOMER_B);
    const subjects = ['Routed, answer lost a', 'Routed, answer lost b', 'Routed, answer lost c'];
    const lost = proxy.loseAnswerTo(COMMIT, /insert into "tickets"/);
    const responses = await openTickets(dana, subjects);
    await lost;
    await expectWrittenOnce(responses, subjects);
    expect(new Set(responses.map((r) => r.json().assignee_id)).size).toBe(2);
  });

  it('with an Idempotency-Key, answers what was committed when the answer to the statement writing the ticket and its key is lost, and the same key then replays that one ticket', async () => {
    const riley = await signIn(CUSTOMER_A);
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: { cookie: riley, 'sec-fetch-site': 'same-origin', 'idempotency-key': 'lost-answer-1' },
        payload: { subject: 'Keyed, answer lost', description: 'Saved with its key in one statement.' },
      });
    // The ticket and its key's record are written, and commit, by one statement; the answer to it is lost.
    const lost = proxy.loseAnswerTo(/insert into idempotency_keys/);
    const first = await send();
    await lost;
    expect(first.statusCode, first.body).toBe(201);
    const again = await send();
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await direct.db.selectFrom('tickets').select(['id', 'number']).where('subject', '=', 'Keyed, answer lost').execute();
    expect(rows.map((r) => ({ id: r.id, number: Number(r.number) }))).toEqual([{ id: first.json().id, number: first.json().number }]);
  });

  it('answers 503 "not known" for a keyed reply whose COMMIT answer is lost, and the same key then replays the one reply', async () => {
    const riley = await signIn(CUSTOMER_A);
    const [opened] = await openTickets(riley, ['Keyed reply, answer lost']);
    expect(opened!.statusCode, opened!.body).toBe(201);
    const send = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${opened!.json().id}/comments`,
        headers: { cookie: riley, 'sec-fetch-site': 'same-origin', 'idempotency-key': 'lost-reply-1' },
        payload: { body: 'Any news on this?', public: true },
      });
    const lost = proxy.loseAnswerTo(COMMIT, /insert into "idempotency_keys"/);
    const first = await send();
    await lost;
    expect(first.statusCode, first.body).toBe(503);
    expect(first.json().error).toMatchObject({ code: 'database_unavailable', message: expect.stringMatching(/not known whether it took effect.*same Idempotency-Key/) });
    const again = await send();
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    const comments = await direct.db.selectFrom('ticket_comments').select('id').where('ticket_id', '=', opened!.json().id).execute();
    expect(comments.map((c) => c.id)).toEqual([again.json().id]);
  });

  it('writes each ticket once when its connection is terminated while the batch runs', async () => {
    // The first insert into tickets from now on sleeps, so it can be caught in the act; sequences are not transactional.
    await pg_exec(database.url, `
      create sequence slow_insert;
      create function slow_first_insert() returns trigger language plpgsql as $$
      begin
        if nextval('slow_insert') = 1 then perform pg_sleep(10); end if;
        return null;
      end $$;
      create trigger slow_first_insert after insert on tickets for each statement execute function slow_first_insert();`);
    try {
      const riley = await signIn(CUSTOMER_A);
      const subjects = ['Terminated a', 'Terminated b', 'Terminated c'];
      const pending = openTickets(riley, subjects);
      let terminated = 0;
      for (let i = 0; i < 100 && terminated === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const result = await pg_exec(database.url, "select pg_terminate_backend(pid) from pg_stat_activity where wait_event = 'PgSleep' and datname = current_database()");
        terminated = result.rowCount ?? 0;
      }
      expect(terminated).toBe(1);
      await expectWrittenOnce(await pending, subjects);
    } finally {
      await pg_exec(database.url, 'drop trigger slow_first_insert on tickets; drop function slow_first_insert(); drop sequence slow_insert;');
    }
  });

  it('answers 503 at once, without retrying in a loop, when no connection can be had', async () => {
    const closed = net.createServer((socket) => socket.destroy());
    let attempts = 0;
    closed.on('connection', () => (attempts += 1));
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = new URL(database.url);
    url.host = `127.0.0.1:${(closed.address() as net.AddressInfo).port}`;
    // A pool that cannot reach the database (its first check-out is the batch's).
    const { Kysely, PostgresDialect } = await import('kysely');
    const db = new Kysely<never>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 2 }) }) });
    try {
      const rows = await direct.db.selectFrom('tickets').selectAll().limit(1).executeTakeFirstOrThrow();
      const ticket = (id: string) => ({ id, routing: null, at: START, rows: () => ({ ticket: { ...rows, id, number: undefined } as never, events: [], targets: [], timers: [], notifications: [] }) });
      const started = Date.now();
      const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((k) => writeNewTicket(db as never, ticket(`00000000-0000-4000-8000-00000000000${k === 'a' ? 1 : k === 'b' ? 2 : 3}`))));
      expect(Date.now() - started).toBeLessThan(5_000);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        const error = (outcome as PromiseRejectedResult).reason as { code: string; status: number; message: string };
        expect({ code: error.code, status: error.status }).toEqual({ code: 'database_unavailable', status: 503 });
        expect(error.message).toMatch(/cannot be reached.*not opened; try again/);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      // One attempt per batch at most, and nothing after the answers.
      expect(attempts).toBeLessThanOrEqual(3);
      const settledAttempts = attempts;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(attempts).toBe(settledAttempts);
    } finally {
      await db.destroy();
      await new Promise<void>((resolve) => closed.close(() => resolve()));
    }
  });
});

async function pg_exec(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
