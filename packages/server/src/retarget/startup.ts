import type { Kysely } from 'kysely';
import { CALENDAR_LOCK, withAdvisoryLock } from '../db/advisory-lock.js';
import type { Database } from '../db/schema.js';
import { catalogFingerprints, type CalendarFingerprint } from './fingerprint.js';
import { type CalendarChange, type RetargetOptions, type RetargetReport, retargetCalendars } from './service.js';

type Deps = Parameters<typeof retargetCalendars>[0];

export interface CalendarCheck extends RetargetReport {
  /** The calendars whose fingerprint differed from the stored one, by pack version. */
  changes: CalendarChange[];
}

export interface CalendarCheckOptions extends RetargetOptions {
  /** Only this pack's calendars (the others are neither checked nor recorded). */
  packId?: string;
}

/**
 * Compares the fingerprint of every loaded pack version's compiled calendars with the one stored
 * when its open tickets were last re-targeted, re-targets the open tickets of each calendar that
 * changed in place (`retargetCalendars`), then stores the new fingerprints. Runs under an advisory
 * lock, so of several processes starting together one does the work and the others, after it, find
 * nothing changed. A calendar seen for the first time is recorded as it is (its tickets were timed
 * with it). Called at every start of the API and of the worker, and by `hourglass retarget`.
 */
export async function retargetChangedCalendars(deps: Deps, db: Kysely<Database>, options: CalendarCheckOptions = {}): Promise<CalendarCheck> {
  const current = catalogFingerprints(deps.registry).filter((f) => options.packId === undefined || f.packId === options.packId);
  return withAdvisoryLock(db, CALENDAR_LOCK, async (session) => {
    const stored = await session.selectFrom('calendar_fingerprints').select(['pack_id', 'pack_version', 'calendar_id', 'fingerprint']).execute();
    const known = new Map(stored.map((s) => [keyOf(s.pack_id, s.pack_version, s.calendar_id), s.fingerprint]));
    const changes = changedCalendars(current, known);
    // The lock belongs to this session; batches in parallel take other connections of the pool.
    // The batches may commit without waiting for the disk: the fingerprints are stored after them in an
    // ordinary commit, which makes them durable too; without it, the next start re-targets again.
    const report = await retargetCalendars(deps, (options.concurrency ?? 1) > 1 ? db : session, changes, { ...options, asyncCommit: true });
    await storeFingerprints(session, current.filter((f) => known.get(keyOf(f.packId, f.packVersion, f.calendarId)) !== f.fingerprint), deps.clock.now());
    return { ...report, changes };
  });
}

const keyOf = (packId: string, packVersion: string, calendarId: string) => JSON.stringify([packId, packVersion, calendarId]);

/** The calendars whose stored fingerprint differs from the current one, grouped by pack version. */
export function changedCalendars(current: readonly CalendarFingerprint[], known: ReadonlyMap<string, string>): CalendarChange[] {
  const byVersion = new Map<string, CalendarChange & { calendarIds: string[] }>();
  for (const f of current) {
    const before = known.get(keyOf(f.packId, f.packVersion, f.calendarId));
    if (before === undefined || before === f.fingerprint) continue;
    const version = JSON.stringify([f.packId, f.packVersion]);
    const change = byVersion.get(version) ?? { packId: f.packId, packVersion: f.packVersion, calendarIds: [] };
    change.calendarIds.push(f.calendarId);
    byVersion.set(version, change);
  }
  return [...byVersion.values()];
}

async function storeFingerprints(db: Kysely<Database>, fingerprints: readonly CalendarFingerprint[], now: number): Promise<void> {
  if (fingerprints.length === 0) return;
  const at = new Date(now);
  await db
    .insertInto('calendar_fingerprints')
    .values(fingerprints.map((f) => ({ pack_id: f.packId, pack_version: f.packVersion, calendar_id: f.calendarId, fingerprint: f.fingerprint, updated_at: at })))
    .onConflict((oc) => oc.columns(['pack_id', 'pack_version', 'calendar_id']).doUpdateSet((eb) => ({ fingerprint: eb.ref('excluded.fingerprint'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}
