import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../src/db/open.js';
import { buildApp } from '../src/app/build-app.js';
import { CUSTOMER_B, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

// Cobalt Freight's team is Follow the Sun: at 15:30Z on a Monday, Tom Ashdown (London, 08–16) and Alex
// Moreno (New York, 10–18) are at work and Mei Arakawa (Tokyo) is not, so two agents share the load.
const BOTH_AT_WORK = Date.parse('2026-03-02T15:30:00Z');
const TOM = 'tom.ashdown@hourglass.example';
const ALEX = 'alex.moreno@hourglass.example';

describe.each(DATABASE_KINDS)('least-loaded routing under a burst on %s', (kind) => {
  let service: TestService;
  let dana: string;
  let agents: Map<string, string>;

  beforeAll(async () => {
    service = await startTestService(kind);
    service.clock.set(BOTH_AT_WORK);
    dana = await service.signIn(CUSTOMER_B);
    const rows = await service.db.selectFrom('users').select(['id', 'email']).where('email', 'in', [TOM, ALEX]).execute();
    agents = new Map(rows.map((r) => [r.id, r.email]));
  });
  afterAll(async () => {
    await service?.close();
  });

  /** Opens tickets for Cobalt Freight, with an Idempotency-Key when `key` is given, through `app`. */
  const open = (app: FastifyInstance, i: number, key?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      // As the desk's own pages send it (a browser adds Sec-Fetch-Site).
      headers: { cookie: dana, 'sec-fetch-site': 'same-origin', ...(key ? { 'idempotency-key': key } : {}) },
      payload: { subject: `Burst ${i}`, description: `Ticket ${i} of a burst.` },
    });

  /** How many of these tickets each of the two agents got (anybody else counts as a failure). */
  const split = (responses: { statusCode: number; body: string; json(): { assignee_id: string | null } }[]) => {
    const counts = new Map<string, number>();
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(201);
      const assignee = response.json().assignee_id;
      expect(agents.has(assignee ?? ''), `assigned to ${assignee}`).toBe(true);
      counts.set(agents.get(assignee!)!, (counts.get(agents.get(assignee!)!) ?? 0) + 1);
    }
    return [counts.get(TOM) ?? 0, counts.get(ALEX) ?? 0];
  };

  /** Unsolved tickets of each agent now, as stored. */
  const stored = async () => {
    const rows = await service.db.selectFrom('tickets').select('assignee_id').where('assignee_id', 'in', [...agents.keys()]).where('status', 'in', ['new', 'open', 'pending', 'on_hold']).execute();
    return [TOM, ALEX].map((email) => rows.filter((r) => agents.get(r.assignee_id!) === email).length);
  };

  it('splits 6 tickets opened one after the other 3/3', async () => {
    const before = await stored();
    expect(before[0]).toBe(before[1]);
    const responses = [];
    for (let i = 0; i < 6; i++) responses.push(await open(service.app, i));
    expect(split(responses)).toEqual([3, 3]);
  });

  it('splits 12 tickets opened at once 6/6, and the answers say what is stored', async () => {
    const before = await stored();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => open(service.app, i)));
    const [tom, alex] = split(responses);
    expect(Math.abs(tom! - alex!)).toBeLessThanOrEqual(1);
    const after = await stored();
    expect([after[0]! - before[0]!, after[1]! - before[1]!]).toEqual([tom, alex]);
  });

  it('splits 12 tickets opened at once with Idempotency-Keys (each in its own transaction) 6/6', async () => {
    const before = await stored();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => open(service.app, i, `burst-key-${kind}-${i}`)));
    const [tom, alex] = split(responses);
    expect(Math.abs(tom! - alex!)).toBeLessThanOrEqual(1);
    const after = await stored();
    // Whoever had fewer before catches up, so the totals stay level.
    expect(Math.abs(after[0]! - after[1]!)).toBeLessThanOrEqual(1);
    expect(after[0]! + after[1]! - before[0]! - before[1]!).toBe(12);
  });

  it.runIf(kind === 'postgres')('keeps the totals level when two API instances on their own connection pools route at once', async () => {
    const url = (service.handle as DatabaseHandle & { url?: string }).url;
    const database = await service.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).executeTakeFirstOrThrow();
    const second: DatabaseHandle = await openDatabase({ databaseUrl: url ?? `postgres://postgres@127.0.0.1:5432/${database.name}`, maxConnections: 5 });
    const other = await buildApp({ db: second.db, clock: service.clock, registry: service.registry });
    try {
      const before = await stored();
      const responses = await Promise.all(Array.from({ length: 16 }, (_, i) => open(i % 2 === 0 ? service.app : other, i)));
      split(responses);
      const after = await stored();
      expect(after[0]! + after[1]! - before[0]! - before[1]!).toBe(16);
      expect(Math.abs(after[0]! - after[1]!)).toBeLessThanOrEqual(1);
    } finally {
      await other.close();
      await second.close();
    }
  });
});
