import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_COLUMNS } from '../src/db/schema.js';
import { type PolicyCatalog, pinnedVersion } from '../src/policy/catalog.js';
import { affectedTickets } from '../src/retarget/affected.js';
import { retargetCalendars } from '../src/retarget/index.js';
import { affectedPage, batchSettings } from '../src/retarget/service.js';
import { refreshClocks } from '../src/tickets/refresh.js';
import { AGENT, CUSTOMER_A, CUSTOMER_B, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';
import { catalogWithHoliday } from './support/holiday-catalog.js';
import { clockState, stateOf } from './support/retarget-snapshot.js';

// Riley (twilio bootstrap: first response P1 2h, P2 4h, P3 8h on Mon–Fri 06:00–18:00 Los Angeles)
// opens tickets on Monday 2 March 2026 at 15:00 PT; a holiday is then added on Tuesday 3 March to
// the twilio calendar in place (same pack version). Dana (twilio premium) answers P1 around the clock.
const OPENED = Date.parse('2026-03-02T23:00:00Z');
const MINUTE = 60_000;
const HOLIDAY = { name: 'Retarget Day', month: 3, day: 3 };

describe.each(DATABASE_KINDS)('re-targeting the open tickets of a changed calendar on %s', (kind) => {
  let service: TestService;
  let changed: PolicyCatalog;
  const ids: Record<string, string> = {};
  let packVersion = '';

  beforeAll(async () => {
    service = await startTestService(kind);
    changed = await catalogWithHoliday('twilio', HOLIDAY);
    const riley = await service.signIn(CUSTOMER_A);
    const dana = await service.signIn(CUSTOMER_B);
    const agent = await service.signIn(AGENT);
    const production = async (session: string) => {
      const account = (await service.request(session, { method: 'GET', url: '/api/v1/accounts' })).json().items[0];
      return account.projects.find((p: { name: string }) => p.name === 'Production').id as string;
    };
    const rileyProd = await production(riley);
    const danaProd = await production(dana);
    service.clock.set(OPENED);
    const open = async (name: string, session: string, payload: Record<string, unknown>) => {
      const response = await service.request(session, { method: 'POST', url: '/api/v1/tickets', payload: { subject: `Ticket ${name}`, description: 'Calls fail.', ...payload } });
      expect(response.statusCode, response.body).toBe(201);
      ids[name] = response.json().id;
    };
    await open('p3', riley, { priority: 'P3' });
    await open('p2', riley, { priority: 'P2', project_id: rileyProd });
    await open('p1', riley, { priority: 'P1', project_id: rileyProd });
    await open('answered', riley, { priority: 'P3' });
    await open('pending', riley, { priority: 'P3' });
    await open('onHold', riley, { priority: 'P3' });
    await open('solved', riley, { priority: 'P3' });
    await open('premiumP1', dana, { priority: 'P1', project_id: danaProd });
    service.clock.set(OPENED + 30 * MINUTE);
    const ok = async (response: Promise<{ statusCode: number; body: string }>) => expect((await response).statusCode, (await response).body).toBeLessThan(300);
    await ok(service.request(agent, { method: 'POST', url: `/api/v1/tickets/${ids.answered}/comments`, payload: { body: 'We are on it.', public: true } }));
    await ok(service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${ids.pending}`, payload: { status: 'pending' } }));
    await ok(service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${ids.onHold}`, payload: { status: 'on_hold' } }));
    await ok(service.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${ids.solved}`, payload: { status: 'solved' } }));
    service.clock.set(OPENED + 60 * MINUTE);
    packVersion = (await service.db.selectFrom('tickets').select('pack_version').where('id', '=', ids.p3!).executeTakeFirstOrThrow()).pack_version;
  });
  afterAll(async () => {
    await service?.close();
  });

  const all = () => Object.values(ids);
  const run = () => retargetCalendars({ registry: changed, clock: service.clock }, service.db, [{ packId: 'twilio', packVersion, calendarIds: ['twilio-business-hours'] }], {
      batchSize: 2,
      // PostgreSQL: two batches at once, as the service runs it there (the embedded database has one connection).
      concurrency: kind === 'postgres' ? 2 : 1,
    });

  it('takes each batch along the index of open tickets by version and id, not by scanning and sorting the table', async () => {
    const change = { packId: 'twilio', packVersion, calendarIds: ['twilio-business-hours'] };
    const affected = affectedTickets(pinnedVersion(changed, 'twilio', packVersion), new Set(change.calendarIds));
    // With statistics taken, a table this small is cheapest to scan and sort; the batch's settings must still keep to the index.
    await sql`analyze tickets`.execute(service.db);
    const plan = await service.db.transaction().execute(async (trx) => {
      await batchSettings(trx, false);
      const page = affectedPage(trx, change, affected, null, 5_000).compile();
      const result = await trx.executeQuery(CompiledQuery.raw(`explain ${page.sql}`, [...page.parameters]));
      return result.rows.map((row) => Object.values(row as object)[0]).join('\n');
    });
    expect(plan).toContain('tickets_open_pack_version_idx');
    expect(plan).not.toMatch(/Seq Scan|Sort/);
  });

  it('writes what refreshClocks writes, ticket by ticket, and leaves the others as they were', async () => {
    const before = await clockState(service.db, all());
    const report = await run();
    const after = await clockState(service.db, all());

    // Moved a day: P3 (8 business hours: 3 on Monday, 5 on the holiday, now on Wednesday) and P2.
    const due = (id: string) => after.targets.find((t) => t.ticket_id === id && t.metric === 'first_response')!.due_at;
    expect(due(ids.p3!)).toBe('2026-03-04T19:00:00.000Z');
    expect(due(ids.p2!)).toBe('2026-03-04T15:00:00.000Z');
    const breach = after.timers.find((t) => t.subject_id === ids.p3 && t.kind === 'breach' && t.key === 'first_response')!;
    expect(breach).toMatchObject({ due_at: '2026-03-04T19:00:00.001Z', state: 'pending', payload: { metric: 'first_response', due_at: Date.parse('2026-03-04T19:00:00Z') } });
    // The pending ticket's reminder (5 business days on the same calendar) moves a day too.
    const reminder = (state: typeof before) => state.timers.find((t) => t.subject_id === ids.pending && t.kind === 'pending_reminder')!;
    expect(Date.parse(reminder(after).due_at!) - Date.parse(reminder(before).due_at!)).toBe(24 * 60 * MINUTE);
    expect(reminder(after).state).toBe('pending');
    // A met target keeps its due time, recomputed too (as refreshClocks does).
    expect(due(ids.answered!)).toBe('2026-03-04T19:00:00.000Z');
    // Due on Monday (P1): its due time stays.
    const dues = (state: typeof before, id: string) => state.targets.filter((t) => t.ticket_id === id).map((t) => [t.metric, t.due_at, t.warning_at]);
    expect(dues(after, ids.p1!)).toEqual(dues(before, ids.p1!));
    // Solved, or on a plan and priority counted around the clock: not even read.
    const untouched = [ids.solved!, ids.premiumP1!];
    expect(stateOf(after, untouched)).toEqual(stateOf(before, untouched));
    expect(report.examined).toBe(6); // every open twilio ticket whose plan and priority count on the calendar (not premium P1, not the solved one)
    expect(report.tickets).toBeGreaterThanOrEqual(2);
    // Every timer counted once, however many batches ran at once.
    const changedTimers = after.timers.filter((t) => !before.timers.some((b) => JSON.stringify(b) === JSON.stringify(t))).length;
    expect(changedTimers).toBeGreaterThanOrEqual(4);
    expect(report.timersMoved).toBe(changedTimers);
    expect(report.batches).toBe(3);

    // refreshClocks with the changed calendar, on every ticket the change reaches, finds nothing left to change.
    const deps = { db: service.db, clock: service.clock, registry: changed };
    for (const id of all().filter((id) => !untouched.includes(id))) {
      await service.db.transaction().execute(async (trx) => {
        const ticket = await trx.selectFrom('tickets').select(TICKET_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
        await refreshClocks(deps, trx, ticket);
      });
    }
    expect(await clockState(service.db, all())).toEqual(after);
  });

  it('finds nothing to do the second time', async () => {
    const before = await service.db.selectFrom('tickets').select(['id', 'updated_at']).orderBy('id').execute();
    const report = await run();
    expect(report).toMatchObject({ tickets: 0, timersMoved: 0, timersCancelled: 0 });
    expect(await service.db.selectFrom('tickets').select(['id', 'updated_at']).orderBy('id').execute()).toEqual(before);
  });

  it('leaves a ticket it cannot compute under the changed pack as it was, names it, and re-targets the others', async () => {
    // As if the pack file had lost the priority this pending ticket was filed under.
    await service.db.updateTable('tickets').set({ priority: 'P9' }).where('id', '=', ids.pending!).execute();
    const before = await clockState(service.db, all());
    const again = await catalogWithHoliday('twilio', { name: 'Other Day', month: 3, day: 4 });
    const report = await retargetCalendars({ registry: again, clock: service.clock }, service.db, [{ packId: 'twilio', packVersion, calendarIds: ['twilio-business-hours'] }]);
    expect(report.failed).toBe(1);
    expect(report.failures).toEqual([{ ticketId: ids.pending, message: expect.stringContaining('P9') }]);
    const after = await clockState(service.db, all());
    expect(stateOf(after, [ids.pending!])).toEqual(stateOf(before, [ids.pending!]));
    // The Tuesday holiday is gone and Wednesday is closed instead: P3 is due Tuesday 11:00 PT again.
    expect(after.targets.find((t) => t.ticket_id === ids.p3 && t.metric === 'first_response')!.due_at).toBe('2026-03-03T19:00:00.000Z');
  });
});
