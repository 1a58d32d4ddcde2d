import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { openDatabase, type DatabaseOptions } from '../src/db/open.js';
import { TICKET_COLUMNS } from '../src/db/schema.js';
import type { PolicyCatalog } from '../src/policy/catalog.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { type RunningServer, startServer } from '../src/app/serve.js';
import { refreshClocks } from '../src/tickets/refresh.js';
import { AGENT, CUSTOMER_A, CUSTOMER_B } from './support/app.js';
import { createTestDatabase, DATABASE_KINDS } from './support/databases.js';
import { catalogWithHoliday } from './support/holiday-catalog.js';
import { clockState, stateOf } from './support/retarget-snapshot.js';

// Tickets opened Monday 2 March 2026 15:00 PT on twilio (Mon–Fri 06:00–18:00 Los Angeles); the
// service is then restarted with a holiday added on Tuesday 3 March to the twilio calendar in place.
const OPENED = Date.parse('2026-03-02T23:00:00Z');
const LATER = OPENED + 3_600_000;

describe.each(DATABASE_KINDS)('start-up re-targets the open tickets of a calendar changed in place, on %s', (kind) => {
  let where: Pick<DatabaseOptions, 'databaseUrl' | 'dataDir'>;
  let cleanup: () => Promise<void>;
  let shipped: PolicyCatalog;
  let changed: PolicyCatalog;
  const ids: Record<string, string> = {};

  const start = async (registry: PolicyCatalog, at: number) => {
    const lines: string[] = [];
    const server = await startServer({ ...where, port: 0, host: '127.0.0.1', clock: fixedClock(at), registry, worker: false, handleSignals: false, logLevel: 'silent', print: (l) => lines.push(l) });
    return { server, lines };
  };
  const withDb = async <T>(use: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> => {
    const handle = await openDatabase(where);
    try {
      return await use(handle.db);
    } finally {
      await handle.close();
    }
  };
  const retargetLines = (lines: string[]) => lines.filter((l) => l.includes('Calendars changed'));

  beforeAll(async () => {
    if (kind === 'postgres') {
      const database = await createTestDatabase();
      where = { databaseUrl: database.url };
      cleanup = database.drop;
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'hourglass-retarget-'));
      where = { dataDir: dir };
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    shipped = await loadShippedCatalog();
    changed = await catalogWithHoliday('twilio', { name: 'Start-up Day', month: 3, day: 3 });
    const { server, lines } = await start(shipped, OPENED);
    try {
      expect(retargetLines(lines)).toEqual([]);
      await openTickets(server);
    } finally {
      await server.close();
    }
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
  });

  async function openTickets(server: RunningServer) {
    const signIn = async (email: string, role: 'customer' | 'agent') => {
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: DEMO_PASSWORDS[role] } });
      const cookie = response.cookies.find((c) => c.name === 'hourglass_session')!;
      return { cookie: `${cookie.name}=${cookie.value}`, origin: 'http://localhost' };
    };
    const riley = await signIn(CUSTOMER_A, 'customer');
    const dana = await signIn(CUSTOMER_B, 'customer');
    const agent = await signIn(AGENT, 'agent');
    const send = async (headers: object, method: 'POST' | 'PATCH', url: string, payload: object) => {
      const response = await server.app.inject({ method, url, headers: headers as Record<string, string>, payload });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json();
    };
    const danaProd = (await server.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: dana })).json().items[0].projects.find((p: { name: string }) => p.name === 'Production').id;
    for (const name of ['p3', 'pending', 'solved']) ids[name] = (await send(riley, 'POST', '/api/v1/tickets', { subject: name, description: 'Calls fail.', priority: 'P3' })).id;
    ids.premiumP1 = (await send(dana, 'POST', '/api/v1/tickets', { subject: 'down', description: 'All calls fail.', priority: 'P1', project_id: danaProd })).id;
    await send(agent, 'PATCH', `/api/v1/tickets/${ids.pending}`, { status: 'pending' });
    await send(agent, 'PATCH', `/api/v1/tickets/${ids.solved}`, { status: 'solved' });
  }

  it('moves the due times and timers of exactly the affected open tickets, as refreshClocks would', async () => {
    const all = Object.values(ids);
    const before = await withDb((db) => clockState(db, all));
    const { server, lines } = await start(changed, LATER);
    await server.close();
    expect(retargetLines(lines)).toHaveLength(1);
    expect(retargetLines(lines)[0]).toMatch(/twilio 2025-04 \(twilio-business-hours\); \d+ open tickets re-targeted/);
    const after = await withDb((db) => clockState(db, all));
    const due = (state: typeof before, id: string) => state.targets.find((t) => t.ticket_id === id)!.due_at;
    expect(due(before, ids.p3!)).toBe('2026-03-03T19:00:00.000Z');
    expect(due(after, ids.p3!)).toBe('2026-03-04T19:00:00.000Z');
    expect(after.timers.find((t) => t.subject_id === ids.p3 && t.kind === 'breach')).toMatchObject({ due_at: '2026-03-04T19:00:00.001Z', state: 'pending' });
    // Solved, and premium P1 (counted around the clock, not pending): untouched.
    const untouched = [ids.solved!, ids.premiumP1!];
    expect(stateOf(after, untouched)).toEqual(stateOf(before, untouched));
    // refreshClocks under the changed calendar finds nothing left to change on the others.
    await withDb(async (db) => {
      const deps = { db, clock: fixedClock(LATER), registry: changed };
      const open = await db.selectFrom('tickets').select(TICKET_COLUMNS).where('status', 'not in', ['solved', 'closed']).where('pack_id', '=', 'twilio').execute();
      for (const ticket of open.filter((t) => !untouched.includes(t.id))) await db.transaction().execute((trx) => refreshClocks(deps, trx, ticket));
      expect(await clockState(db, all)).toEqual(after);
    });
  }, 120_000);

  it('does nothing on the next start', async () => {
    const stamps = () => withDb((db) => db.selectFrom('tickets').select(['id', 'updated_at']).orderBy('id').execute());
    const before = await stamps();
    const { server, lines } = await start(changed, LATER + 60_000);
    await server.close();
    expect(retargetLines(lines)).toEqual([]);
    expect(await stamps()).toEqual(before);
  }, 120_000);

  it.runIf(kind === 'postgres')('re-targets once when two processes start together', async () => {
    const again = await catalogWithHoliday('twilio', { name: 'Second Day', month: 3, day: 4 });
    const before = await withDb((db) => clockState(db, [ids.p3!]));
    const starts = await Promise.all([start(again, LATER + 120_000), start(again, LATER + 120_000)]);
    await Promise.all(starts.map((s) => s.server.close()));
    const reports = starts.map((s) => retargetLines(s.lines));
    expect(reports.map((r) => r.length).sort()).toEqual([0, 1]);
    const after = await withDb((db) => clockState(db, [ids.p3!]));
    // The Tuesday holiday taken out again (Wednesday closed instead): due back on Tuesday 11:00 PT.
    expect(before.targets[0]!.due_at).toBe('2026-03-04T19:00:00.000Z');
    expect(after.targets[0]!.due_at).toBe('2026-03-03T19:00:00.000Z');
    expect(after.timers.find((t) => t.kind === 'breach')).toMatchObject({ due_at: '2026-03-03T19:00:00.001Z', state: 'pending' });
  }, 120_000);
});
