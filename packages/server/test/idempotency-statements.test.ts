import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.js';
import { fixedClock } from '../src/clock.js';
import type { DatabaseHandle } from '../src/db/open.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/app/build-app.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { seedDemoData } from '../src/seed/seed.js';
import { CUSTOMER_A, START } from './support/app.js';
import { DATABASE_KINDS, openTestDatabase } from './support/databases.js';

/** Counts the statements the service sends (BEGIN and COMMIT are not statements of its queries, and are not counted). */
function statementCounter(): KyselyPlugin & { take(): string[] } {
  let seen: string[] = [];
  return {
    transformQuery(args) {
      seen.push(args.node.kind);
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}

// The web app sends an Idempotency-Key with every new ticket: its record is written by the ticket's own
// statement, so a keyed ticket costs the database no more statements (and round trips) than one without.
describe.each(DATABASE_KINDS)('statements of a keyed new ticket on %s', (kind) => {
  let handle: DatabaseHandle;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const counter = statementCounter();
  let auth: string;
  let project: string;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const clock = fixedClock(START);
    const registry = await loadShippedCatalog();
    await migrateToLatest(handle.db);
    await seedDemoData(handle.db, registry, clock, { tickets: false });
    const user = await handle.db.selectFrom('users').select(['id', 'account_id']).where('email', '=', CUSTOMER_A).executeTakeFirstOrThrow();
    auth = `Bearer ${(await createToken(handle.db, clock, user.id, { name: 'statements' })).secret}`;
    project = (await handle.db.selectFrom('projects').select('id').where('account_id', '=', user.account_id!).where('production', '=', true).executeTakeFirstOrThrow()).id;
    app = await buildApp({ db: handle.db.withPlugin(counter), clock, registry });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const open = (subject: string, key?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { authorization: auth, ...(key ? { 'idempotency-key': key } : {}) },
      payload: { subject, description: 'Counting statements.', project_id: project },
    });

  it('sends as many statements for a ticket with a new key as for one without, and replays a repeat from the stored answer', async () => {
    await open('Warm-up');
    counter.take();
    const plain = await open('Without a key');
    expect(plain.statusCode, plain.body).toBe(201);
    const withoutKey = counter.take();
    // The ticket's own write is among them (one statement whose parts insert, ending in a select of what it wrote).
    expect(withoutKey.length).toBeGreaterThanOrEqual(3);
    const keyed = await open('With a key', `statements-${kind}`);
    expect(keyed.statusCode, keyed.body).toBe(201);
    const withKey = counter.take();
    expect(withKey).toEqual(withoutKey);
    // The key's record is the ticket's answer, number and all.
    const repeat = await open('With a key', `statements-${kind}`);
    expect(repeat.headers['idempotency-replayed']).toBe('true');
    expect(repeat.json()).toEqual(keyed.json());
    expect(await handle.db.selectFrom('tickets').select('id').where('subject', '=', 'With a key').execute()).toHaveLength(1);
  });
});
