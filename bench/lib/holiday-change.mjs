// The holiday part of `npm run bench:timers`: what the service runs when a calendar gains a holiday.
//
// Policy packs are files the service loads when it starts. When an operator adds a holiday to a pack's
// calendar in place (same pack version, so the open tickets pinned to it follow the new calendar), the
// next start finds the calendar's fingerprint changed and re-targets every open ticket whose targets
// count on it: `retargetChangedCalendars` (packages/server/src/retarget), which recomputes each ticket's
// targets with the code `refreshClocks` runs and writes targets, clock columns and timers set-based in
// keyset-paged batches. This bench times exactly that call on N open tickets.
//
// Opening N tickets through `createTicket` one by one would take most of the run, so a few tickets of
// each shape are opened through it and the rest are copies of their rows (ticket, audit trail, targets,
// timers) made set-based; `checkCopies` verifies a sample of copies equals its original.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPackDir, shippedPacksDir } from '@hourglass/policy';
import { sql } from 'kysely';
import { fixedClock } from '../../packages/server/dist/clock.js';
import { TICKET_COLUMNS } from '../../packages/server/dist/db/schema.js';
import { retargetChangedCalendars } from '../../packages/server/dist/retarget/index.js';
import { cpuMeter } from './cpu.mjs';
import { seedDemoData } from '../../packages/server/dist/seed/seed.js';
import { createTicket } from '../../packages/server/dist/tickets/create.js';
import { refreshClocks } from '../../packages/server/dist/tickets/refresh.js';

/** Monday 2026-03-02 15:00 in Los Angeles: the twilio business-hours calendar is open, and P2 and P3 first responses fall due the next day. */
export const OPENED_AT = Date.parse('2026-03-02T23:00:00Z');
/** The new holiday: the next day, so every P2 and P3 ticket opened above moves a day (P1 is due the same evening and stays). */
const HOLIDAY = { month: 3, day: 3, date: '2026-03-03' };
const CUSTOMER = 'riley@bluefin-apps.example'; // twilio bootstrap: first response P1 2h, P2 4h, P3 8h
/** The shapes of the tickets, and their share of the N. */
const SHAPES = [
  { priority: 'P3', production: false, share: 0.6 },
  { priority: 'P2', production: true, share: 0.3 },
  { priority: 'P1', production: true, share: 0.1 },
];
/** The rows that make a ticket as far as its clocks are concerned, copied for each copy. */
const COPIED = {
  ticket_events: ['type', 'actor_id', 'before', 'after', 'reason', 'at'],
  sla_targets: ['metric', 'calendar_id', 'duration_ms', 'state', 'due_at', 'warning_at', 'met_at', 'breached_at', 'paused_ms', 'inputs', 'warned_at', 'updated_at'],
};

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

/**
 * Opens `count` open tickets: one of each shape through the service's create path, then copies of
 * those made set-based. Records the calendars' fingerprints as a start does, so the holiday shows
 * as a change. Returns how long it took and the originals (for `checkCopies`).
 */
export async function openTickets(db, count) {
  const registry = await loadPackDir(shippedPacksDir());
  const clock = fixedClock(OPENED_AT);
  await seedDemoData(db, registry, clock, { tickets: false });
  await retargetChangedCalendars({ registry, clock }, db);
  const user = await db.selectFrom('users').select(['id', 'provider_id', 'account_id']).where('email', '=', CUSTOMER).executeTakeFirstOrThrow();
  const project = await db.selectFrom('projects').select('id').where('account_id', '=', user.account_id).where('name', '=', 'Production').executeTakeFirstOrThrow();
  const actor = { userId: user.id, providerId: user.provider_id, role: 'customer', accountId: user.account_id, principal: `user:${user.id}`, via: 'token', account: null };
  const deps = { db, clock, registry };
  const begin = performance.now();
  const originals = [];
  for (const shape of SHAPES) {
    const input = { subject: `Bench ${shape.priority}`, description: 'Opened by the timer benchmark.', priority: shape.priority, ...(shape.production ? { project_id: project.id } : {}) };
    const ticket = await createTicket(deps, db, actor, input);
    originals.push(ticket.id);
    await copyTicket(db, ticket.id, Math.max(0, Math.round(count * shape.share) - 1));
  }
  await sql`analyze`.execute(db);
  return { ms: performance.now() - begin, originals };
}

/** `copies` copies of a ticket's rows, in one statement per table. */
async function copyTicket(db, original, copies) {
  if (copies === 0) return;
  const columns = TICKET_COLUMNS.filter((c) => c !== 'id' && c !== 'number');
  const list = (names) => sql.raw(names.join(', '));
  const from = (alias, names) => sql.raw(names.map((n) => `${alias}.${n}`).join(', '));
  await sql`create temp table bench_copies as select gen_random_uuid() as id, i from generate_series(1, ${copies}::int) as s(i)`.execute(db);
  try {
    await sql`insert into tickets (id, ${list(columns)}) select c.id, ${from('t', columns)} from tickets t cross join bench_copies c where t.id = ${original}`.execute(db);
    await sql`insert into ticket_events (ticket_id, ${list(COPIED.ticket_events)}) select c.id, ${from('e', COPIED.ticket_events)} from ticket_events e cross join bench_copies c where e.ticket_id = ${original}`.execute(db);
    await sql`insert into sla_targets (ticket_id, ${list(COPIED.sla_targets)}) select c.id, ${from('s', COPIED.sla_targets)} from sla_targets s cross join bench_copies c where s.ticket_id = ${original}`.execute(db);
    await sql`
      insert into timers (kind, subject_type, subject_id, key, due_at, payload, state, created_at, updated_at)
      select t.kind, t.subject_type, c.id::text, t.key, t.due_at, t.payload, t.state, t.created_at, t.updated_at
      from timers t cross join bench_copies c where t.subject_id = ${original}`.execute(db);
  } finally {
    await sql`drop table bench_copies`.execute(db);
  }
}

/** A ticket's clock rows without its identity, for comparing a copy with its original. */
async function clockRows(db, id) {
  const ticket = await db.selectFrom('tickets').select(TICKET_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
  const { id: _id, number: _number, ...rest } = ticket;
  const events = await sql`select ${sql.raw(COPIED.ticket_events.join(', '))} from ticket_events where ticket_id = ${id} order by at, type`.execute(db);
  const targets = await sql`select ${sql.raw(COPIED.sla_targets.join(', '))} from sla_targets where ticket_id = ${id} order by metric`.execute(db);
  const timers = await sql`select kind, subject_type, key, due_at, payload, state from timers where subject_id = ${id} order by kind, key`.execute(db);
  return JSON.stringify({ ticket: rest, events: events.rows, targets: targets.rows, timers: timers.rows });
}

/** Checks `sample` random copies of each original: each must equal what createTicket wrote for its original. */
export async function checkCopies(db, originals, sample = 5) {
  let checked = 0;
  for (const original of originals) {
    const want = await clockRows(db, original);
    const ticket = await db.selectFrom('tickets').select(['subject', 'priority']).where('id', '=', original).executeTakeFirstOrThrow();
    const copies = await sql`select id from tickets where subject = ${ticket.subject} and id <> ${original} order by random() limit ${sample}`.execute(db);
    for (const { id } of copies.rows) {
      if ((await clockRows(db, id)) !== want) throw new Error(`the copy ${id} of ticket ${original} (${ticket.priority}) differs from what createTicket wrote`);
      checked += 1;
    }
  }
  return checked;
}

/**
 * Adds the holiday and runs what a start then runs: `retargetChangedCalendars` with the edited packs.
 * Then checks `sample` re-targeted tickets against `refreshClocks` (it must find nothing to change).
 */
export async function retargetForHoliday(db, { batchSize, concurrency = 2, sample = 20 } = {}) {
  const registry = await packsWithHoliday();
  const clock = fixedClock(OPENED_AT + 60_000);
  const meter = await cpuMeter(db);
  const begin = performance.now();
  const report = await retargetChangedCalendars({ registry, clock }, db, { concurrency, ...(batchSize ? { batchSize } : {}) });
  const ms = performance.now() - begin;
  const cpu = await meter.stop();
  const checked = await checkAgainstRefresh(db, { db, clock, registry }, sample);
  return { holidayDate: HOLIDAY.date, ...report, ms, cpu, checked };
}

async function checkAgainstRefresh(db, deps, sample) {
  const rows = await sql`select id from tickets where status not in ('solved', 'closed') order by random() limit ${sample}`.execute(db);
  for (const { id } of rows.rows) {
    const before = await clockRows(db, id);
    await db.transaction().execute(async (trx) => {
      const ticket = await trx.selectFrom('tickets').select(TICKET_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      await refreshClocks(deps, trx, ticket);
    });
    const after = await clockRows(db, id);
    // refreshClocks bumps the bookkeeping timestamps on every call; everything else must be as the bulk left it.
    const strip = (text) => text.replace(/"updated_at":"[^"]*"/g, '');
    if (strip(after) !== strip(before)) throw new Error(`ticket ${id}: refreshClocks changed what the bulk re-targeting wrote`);
  }
  return rows.rows.length;
}
