import type { Kysely } from 'kysely';
import { type Clock, clockFromSetting } from '../clock.js';
import { readConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { loadShippedCatalog } from '../policy/shipped.js';
import { type CalendarCheck, retargetChangedCalendars } from './startup.js';

export interface RetargetRun {
  /** Only this pack's calendars. */
  packId?: string;
  registry?: PolicyCatalog;
  clock?: Clock;
}

/**
 * `hourglass retarget`: migrates, then re-targets the open tickets of every calendar that changed
 * since its tickets were last timed (as a start does). Without `db`, uses the configured database.
 */
export async function retarget(db?: Kysely<Database>, options: RetargetRun = {}): Promise<CalendarCheck> {
  const config = readConfig();
  const registry = options.registry ?? (await loadShippedCatalog());
  if (options.packId !== undefined && !registry.has(options.packId)) {
    throw new AppError('unknown_pack', `There is no policy pack "${options.packId}"; the packs are ${registry.packIds().join(', ')}.`);
  }
  const clock = options.clock ?? clockFromSetting(config.clock);
  const run = async (target: Kysely<Database>, concurrency: number) => {
    await migrateToLatest(target);
    return retargetChangedCalendars({ registry, clock }, target, { concurrency, ...(options.packId === undefined ? {} : { packId: options.packId }) });
  };
  if (db) return run(db, 1);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // Two batches at once on PostgreSQL (a pool), as a start runs it; one on the embedded database (one connection).
    return await run(handle.db, handle.kind === 'postgres' ? 2 : 1);
  } finally {
    await handle.close();
  }
}
