import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadShippedPacks } from '@hourglass/policy';
import { fixedClock, migrateToLatest, openDatabase, retarget, seedDemoData } from '@hourglass/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServer, type ServerApi } from '../src/commands/server/api.js';
import { createTicket } from '../../server/src/tickets/create.js';
import { catalogWithHoliday } from '../../server/test/support/holiday-catalog.js';
import { run } from './support/run.js';

// A twilio bootstrap P3 ticket opened Monday 2 March 2026 15:00 PT (due Tuesday 11:00 PT), then a
// holiday added on Tuesday to the twilio calendar in place; `hourglass retarget` on the embedded database.
const OPENED = Date.parse('2026-03-02T23:00:00Z');

describe('hourglass retarget', () => {
  let dir = '';
  let ticketId = '';
  let server: ServerApi;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hourglass-cli-retarget-'));
    const shipped = await loadShippedPacks();
    const clock = fixedClock(OPENED);
    const handle = await openDatabase({ dataDir: dir });
    try {
      await migrateToLatest(handle.db);
      await seedDemoData(handle.db, shipped, clock, { tickets: false });
      // The calendars as the tickets are timed with them.
      await retarget(handle.db, { registry: shipped, clock });
      const user = await handle.db.selectFrom('users').select(['id', 'provider_id', 'account_id']).where('email', '=', 'riley@bluefin-apps.example').executeTakeFirstOrThrow();
      const actor = { userId: user.id, providerId: user.provider_id, role: 'customer' as const, accountId: user.account_id, principal: `user:${user.id}`, via: 'token' as const, account: null };
      const created = await createTicket({ db: handle.db, clock, registry: shipped }, handle.db, actor as never, { subject: 'Calls fail', description: 'Since noon.', priority: 'P3' } as never);
      ticketId = (created as { id: string }).id;
    } finally {
      await handle.close();
    }
    // The real server module, reading the pack as edited (the shipped files stay as they are).
    const real = await loadServer();
    expect(typeof real.retarget).toBe('function');
    const changed = await catalogWithHoliday('twilio', { name: 'CLI Day', month: 3, day: 3 });
    server = { ...real, retarget: (db, options) => retarget(db as never, { ...options, registry: changed, clock: fixedClock(OPENED + 60_000) }) };
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const due = async () => {
    const handle = await openDatabase({ dataDir: dir });
    try {
      return (await handle.db.selectFrom('sla_targets').select('due_at').where('ticket_id', '=', ticketId).executeTakeFirstOrThrow()).due_at!.toISOString();
    } finally {
      await handle.close();
    }
  };

  it('re-targets the open tickets of the changed calendar and says how many tickets and timers moved', async () => {
    expect(await due()).toBe('2026-03-03T19:00:00.000Z');
    const r = await run(['retarget', '--pack', 'twilio', '--data-dir', dir], { deps: { loadServer: async () => server } });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Changed: twilio version 2020-01, twilio-business-hours\nChanged: twilio version 2025-04, twilio-business-hours\n1 of 1 open tickets re-targeted; 2 timers moved, 0 cancelled.\n');
    expect(await due()).toBe('2026-03-04T19:00:00.000Z');
  });

  it('then finds nothing to move', async () => {
    const r = await run(['retarget', '--data-dir', dir], { deps: { loadServer: async () => server } });
    expect(r.out).toBe('No calendar has changed since its open tickets were timed; nothing to move.\n');
  });

  it('names the packs when --pack names none', async () => {
    const r = await run(['retarget', '--pack', 'twillio', '--data-dir', dir], { deps: { loadServer: async () => server } });
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: There is no policy pack "twillio"; the packs are 360dialog, exotel, twilio.\n');
  });
});
