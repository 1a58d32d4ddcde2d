import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.js';
import { CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

/**
 * Tickets opened with an Idempotency-Key (the web app sends one with every new ticket) share the
 * group-committed write of the tickets opened at the same moment, and the record of each key commits
 * in that same transaction: replays of one key, even concurrent ones, open one ticket.
 */
describe.each(DATABASE_KINDS)('Idempotency-Key on new tickets under concurrency on %s', (kind) => {
  let service: TestService;
  let auth: string;
  let project: string;

  beforeAll(async () => {
    service = await startTestService(kind);
    const user = await service.db.selectFrom('users').select(['id', 'account_id']).where('email', '=', CUSTOMER_A).executeTakeFirstOrThrow();
    auth = `Bearer ${(await createToken(service.db, service.clock, user.id, { name: 'idempotency' })).secret}`;
    project = (await service.db.selectFrom('projects').select('id').where('account_id', '=', user.account_id!).where('production', '=', true).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await service?.close();
  });

  const open = (key: string, subject: string) =>
    service.request(auth, { method: 'POST', url: '/api/v1/tickets', headers: { 'idempotency-key': key }, payload: { subject, description: 'Sent by a client that retries.', project_id: project } });
  const ticketsWith = (subject: string) => service.db.selectFrom('tickets').select(['id', 'number']).where('subject', '=', subject).execute();

  it('opens one ticket for concurrent requests with the same key, and answers each of them with it', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => open(`same-${kind}`, `Concurrent replay ${kind}`)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const tickets = await ticketsWith(`Concurrent replay ${kind}`);
    expect(tickets).toHaveLength(1);
    expect(new Set(answers.map((a) => a.json().id))).toEqual(new Set([tickets[0]!.id]));
    expect(new Set(answers.map((a) => a.json().number))).toEqual(new Set([Number(tickets[0]!.number)]));
    expect(answers.filter((a) => a.headers['idempotency-replayed'] !== 'true')).toHaveLength(1);
    // A later retry gets the same stored answer.
    const retry = await open(`same-${kind}`, `Concurrent replay ${kind}`);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.json()).toEqual(answers.find((a) => a.headers['idempotency-replayed'] !== 'true')!.json());
  });

  it('refuses the same key sent at the same moment with another body, and opens only the first', async () => {
    const [a, b] = await Promise.all([open(`clash-${kind}`, `Clash one ${kind}`), open(`clash-${kind}`, `Clash two ${kind}`)]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([201, 422]);
    expect((await ticketsWith(`Clash one ${kind}`)).length + (await ticketsWith(`Clash two ${kind}`)).length).toBe(1);
  });

  it('writes keyed tickets opened at the same moment together, each with its key in the same transaction', async () => {
    const subject = `Burst ${kind}`;
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => open(`burst-${kind}-${i}`, subject)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const rows = await sql<{ ticket_xid: string; key_xid: string }>`
      select t.xmin::text as ticket_xid, k.xmin::text as key_xid
      from tickets t join idempotency_keys k on k.response_body->>'id' = t.id::text
      where t.subject = ${subject}`.execute(service.db);
    expect(rows.rows).toHaveLength(16);
    // Each key was recorded by the transaction that wrote its ticket...
    for (const row of rows.rows) expect(row.key_xid).toBe(row.ticket_xid);
    // ...and tickets that arrived together shared it (one transaction per request before).
    expect(new Set(rows.rows.map((r) => r.ticket_xid)).size).toBeLessThan(16);
  });
});
