// The holiday part of `npm run bench:timers`: what the service runs when a calendar gains a holiday.
//
// Policy packs are files the service loads when it starts. A holiday added to a pack's calendar (in
// place, under the same pack version the open tickets are pinned to) reaches each open ticket through
// `refreshClocks`: its targets are recomputed from its facts with the changed calendar, stored, and
// its breach-warning and breach timers are moved (`syncTicketTimers`). That runs per ticket, when a
// command touches the ticket or its breach timer fires; there is no bulk re-targeting. This bench runs
// exactly that function over every open ticket the holiday affects, each in its own transaction as
// a command does, and reports how long it takes.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPackDir, shippedPacksDir } from '@hourglass/policy';
import { sql } from 'kysely';
import { fixedClock } from '../../packages/server/dist/clock.js';
import { TICKET_COLUMNS } from '../../packages/server/dist/db/schema.js';
import { seedDemoData } from '../../packages/server/dist/seed/seed.js';
import { createTicket } from '../../packages/server/dist/tickets/create.js';
import { refreshClocks } from '../../packages/server/dist/tickets/refresh.js';

/** Monday 2026-03-02 15:00 in Los Angeles: the twilio business-hours calendar is open, and a ticket's first response falls due the next day. */
export const OPENED_AT = Date.parse('2026-03-02T23:00:00Z');
/** The new holiday: the next day, so every ticket opened above and due after it moves. */
const HOLIDAY = { month: 3, day: 3, date: '2026-03-03' };
const CUSTOMER = 'riley@bluefin-apps.example';

/** The shipped packs with a holiday added to every calendar of the twilio pack, as an operator would edit it. */
async function packsWithHoliday() {
  const dir = await mkdtemp(path.join(tmpdir(), 'hourglass-bench-packs-'));
  await cp(shippedPacksDir(), dir, { recursive: true });
  const file = path.join(dir, 'twilio.yaml');
  const text = await readFile(file, 'utf8');
  const edited = text.replace(/^(\s*)holidays:\n/gm, (line, indent) => `${line}${indent}  - { kind: fixed, name: Bench Day, month: ${HOLIDAY.month}, day: ${HOLIDAY.day} }\n`);
  if (edited === text) throw new Error('twilio.yaml has no holidays list to add the bench holiday to');
  await writeFile(file, edited);
  try {
    return await loadPackDir(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens `count` tickets through the service's own create path (group-committed, 100 at a time). */
export async function openTickets(db, count) {
  const registry = await loadPackDir(shippedPacksDir());
  const clock = fixedClock(OPENED_AT);
  await seedDemoData(db, registry, clock, { tickets: false });
  const user = await db.selectFrom('users').select(['id', 'provider_id', 'account_id']).where('email', '=', CUSTOMER).executeTakeFirstOrThrow();
  const actor = { userId: user.id, providerId: user.provider_id, role: 'customer', accountId: user.account_id, principal: `user:${user.id}`, via: 'token', account: null };
  const deps = { db, clock, registry };
  const begin = performance.now();
  for (let opened = 0; opened < count; ) {
    const chunk = Math.min(100, count - opened);
    await Promise.all(Array.from({ length: chunk }, (_, i) => createTicket(deps, db, actor, { subject: `Bench ticket ${opened + i}`, description: 'Opened by the timer benchmark.', priority: 'P3' })));
    opened += chunk;
  }
  return performance.now() - begin;
}

/** Adds the holiday and refreshes every open ticket due after its start, `concurrency` at a time. */
export async function retargetForHoliday(db, { concurrency = 8 } = {}) {
  const registry = await packsWithHoliday();
  const deps = { db, clock: fixedClock(OPENED_AT + 60_000), registry };
  // Any zone's midnight of the holiday is after this instant.
  const from = new Date(Date.parse(`${HOLIDAY.date}T00:00:00Z`) - 14 * 3_600_000);
  await sql`create table bench_timers_before as select id, due_at from timers where state = 'pending'`.execute(db);
  const tickets = await db.selectFrom('tickets').select(TICKET_COLUMNS).where('status', 'not in', ['solved', 'closed']).where('first_due_at', '>=', from).execute();
  const begin = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tickets.length) {
        const ticket = tickets[next++];
        await db.transaction().execute((trx) => refreshClocks(deps, trx, ticket));
      }
    }),
  );
  const ms = performance.now() - begin;
  const { rows } = await sql`
    select count(*)::int as moved from timers t left join bench_timers_before b on b.id = t.id
    where t.state = 'pending' and t.kind in ('breach', 'breach_warning') and (b.id is null or b.due_at <> t.due_at)`.execute(db);
  await sql`drop table bench_timers_before`.execute(db);
  return { holidayDate: HOLIDAY.date, tickets: tickets.length, timersMoved: rows[0].moved, ms };
}
